using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ticketing.Gateway.Infrastructure;

/// <summary>Collects per-field validation messages; one rule per field kind of the contract.</summary>
public sealed partial class FieldErrors
{
    public const decimal MaxPrice = 1_000_000m;
    public const int MaxCapacity = 100_000;

    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public ValidationProblem ToProblem() =>
        Problems.Validation(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    public string Title(string? value, string field = "title")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Title is required and may not be blank.");
            return "";
        }

        if (value.Length > 200)
        {
            Add(field, "Title must be at most 200 characters.");
        }

        return value.Trim();
    }

    public decimal Price(decimal? value, string field = "price")
    {
        switch (value)
        {
            case null:
                Add(field, "Price is required.");
                return 0;
            case <= 0:
                Add(field, "Price must be greater than 0.");
                return 0;
            case > MaxPrice:
                Add(field, "Price must be at most 1,000,000.");
                return 0;
        }

        if (decimal.Round(value.Value, 2) != value.Value)
        {
            Add(field, "Price may have at most 2 decimal places.");
        }

        // 20.50 and 20.5 are the same price: keep the shortest form so it reads back as it was meant.
        return decimal.Parse(value.Value.ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public string Email(string? value, string field = "email")
    {
        var email = value?.Trim() ?? "";
        if (email.Length == 0)
        {
            Add(field, "Email is required.");
        }
        else if (email.Length > 254 || !EmailShape().IsMatch(email)
                 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            Add(field, "Email must be a valid address of at most 254 characters.");
        }

        return email;
    }

    public string Username(string? value, string field = "username")
    {
        var username = value ?? "";
        if (!UsernameShape().IsMatch(username))
        {
            Add(field, "Username must be 3 to 32 characters of letters, digits, '_', '.' or '-'.");
        }

        return username;
    }

    public string Password(string? value, string field = "password")
    {
        var password = value ?? "";
        if (password.Length is < 8 or > 128)
        {
            Add(field, "Password must be 8 to 128 characters.");
        }

        return password;
    }

    public string Required(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required and may not be empty.");
            return "";
        }

        if (value.Length > maxLength)
        {
            Add(field, $"{field} must be at most {maxLength} characters.");
        }

        return value;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{3,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernameShape();
}
