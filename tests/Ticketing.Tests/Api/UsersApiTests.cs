using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

[Collection(GatewayCollection.Name)]
public sealed class UsersApiTests(GatewayFixture gateway)
{
    [Fact]
    public async Task SignUpReturnsUserTokenAndAnHttpOnlySessionCookie()
    {
        using var client = gateway.CreateClient();
        var username = "new_" + Guid.NewGuid().ToString("N")[..8];

        using var response = await client.PostJsonAsync("/api/users/signup",
            new { email = $"{username}@Example.com", username, password = "long enough" });

        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        var user = body.GetProperty("user");
        Assert.Equal(32, user.Id().Length);
        Assert.Equal(username, user.Str("username"));
        Assert.Equal($"{username}@Example.com", user.Str("email"));
        Assert.Equal(3, user.EnumerateObject().Count());
        Assert.Equal(3, body.Str("token").Split('.').Length);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("ticketing_session=" + body.Str("token"), cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("not-an-email", "valid_name", "password1", "email")]
    [InlineData("a@b", "valid_name", "password1", "email")]
    [InlineData("ok@example.com", "ab", "password1", "username")]
    [InlineData("ok@example.com", "has space", "password1", "username")]
    [InlineData("ok@example.com", "abcdefghijklmnopqrstuvwxyz0123456", "password1", "username")]
    [InlineData("ok@example.com", "valid_name", "short", "password")]
    public async Task SignUpRejectsInvalidFields(string email, string username, string password, string field)
    {
        using var client = gateway.CreateClient();

        using var response = await client.PostJsonAsync("/api/users/signup", new { email, username, password });

        await response.AssertValidationAsync(field);
    }

    [Fact]
    public async Task SignUpRejectsOverlongEmailAndPassword()
    {
        using var client = gateway.CreateClient();
        var email = new string('a', 250) + "@x.io";

        using var response = await client.PostJsonAsync("/api/users/signup",
            new { email, username = "fine_name", password = new string('p', 129) });

        await response.AssertValidationAsync("email", "password");
    }

    [Fact]
    public async Task SignUpWithMissingFieldsNamesEachOfThem()
    {
        using var client = gateway.CreateClient();

        using var response = await client.PostRawAsync("/api/users/signup", "{}");

        await response.AssertValidationAsync("email", "password", "username");
    }

    [Fact]
    public async Task EmailIsUniqueCaseInsensitively()
    {
        var first = await gateway.SignUpAsync();
        using var client = gateway.CreateClient();

        using var response = await client.PostJsonAsync("/api/users/signup",
            new { email = first.Email.ToUpperInvariant(), username = "other_" + Guid.NewGuid().ToString("N")[..8], password = "password1" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Fact]
    public async Task UsernameIsUniqueCaseInsensitively()
    {
        var first = await gateway.SignUpAsync();
        using var client = gateway.CreateClient();

        using var response = await client.PostJsonAsync("/api/users/signup",
            new { email = Guid.NewGuid().ToString("N")[..8] + "@example.com", username = first.Username.ToUpperInvariant(), password = "password1" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "username_taken");
    }

    [Fact]
    public async Task SignInWorksByEmailOrByUsername()
    {
        var user = await gateway.SignUpAsync();
        using var client = gateway.CreateClient();

        using var byEmail = await client.PostJsonAsync("/api/users/signin", new { email = user.Email, password = TestUser.Password });
        using var byUsername = await client.PostJsonAsync("/api/users/signin", new { username = user.Username, password = TestUser.Password });

        Assert.Equal(user.Id, (await byEmail.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("user").Id());
        var body = await byUsername.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(user.Id, body.GetProperty("user").Id());
        Assert.Contains(byUsername.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ticketing_session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongPasswordAndUnknownAccountGetTheSameAnswer()
    {
        var user = await gateway.SignUpAsync();
        using var client = gateway.CreateClient();

        using var wrongPassword = await client.PostJsonAsync("/api/users/signin", new { email = user.Email, password = "not the password" });
        using var unknown = await client.PostJsonAsync("/api/users/signin", new { email = "nobody_" + user.Email, password = "not the password" });

        var a = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var b = await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(a.Str("detail"), b.Str("detail"));
        Assert.Equal(a.Str("title"), b.Str("title"));
    }

    [Fact]
    public async Task TenFailedSignInsLockTheAccountEvenForTheRightPassword()
    {
        var user = await gateway.SignUpAsync();
        using var client = gateway.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            using var failed = await client.PostJsonAsync("/api/users/signin", new { email = user.Email, password = "wrong password" });
            await failed.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        using var locked = await client.PostJsonAsync("/api/users/signin", new { email = user.Email, password = TestUser.Password });

        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = int.Parse(Assert.Single(locked.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 300);
    }

    [Fact]
    public async Task SignInWithoutIdentifierOrPasswordIsAValidationError()
    {
        using var client = gateway.CreateClient();

        using var response = await client.PostRawAsync("/api/users/signin", "{}");

        await response.AssertValidationAsync("password", "username");
    }

    [Fact]
    public async Task CurrentUserIsTheTokensUser()
    {
        var user = await gateway.SignUpAsync();

        var body = await user.Client.GetJsonAsync("/api/users/currentuser");

        var current = body.GetProperty("currentUser");
        Assert.Equal(user.Id, current.Id());
        Assert.Equal(user.Username, current.Str("username"));
        Assert.False(current.TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    public async Task CurrentUserIsNullWithoutAValidToken(string? token)
    {
        using var client = gateway.CreateClient(token);

        var body = await client.GetJsonAsync("/api/users/currentuser");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("currentUser").ValueKind);
    }

    [Fact]
    public async Task SignOutRevokesTheTokenThatWasUsed()
    {
        var user = await gateway.SignUpAsync();
        using var before = await user.Client.GetAsync("/api/orders");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var signOut = await user.Client.PostAsync("/api/users/signout", null);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ticketing_session=;", StringComparison.Ordinal));
        using var after = await user.Client.GetAsync("/api/orders");
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var current = await user.Client.GetJsonAsync("/api/users/currentuser");
        Assert.Equal(JsonValueKind.Null, current.GetProperty("currentUser").ValueKind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task SignOutAnswers204WhateverTheToken(string? token)
    {
        using var client = gateway.CreateClient(token);

        using var response = await client.PostAsync("/api/users/signout", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task TheSessionCookieAuthenticatesLikeTheBearerToken()
    {
        var cookies = new CookieContainer();
        using var browser = gateway.CreateCookieClient(cookies);
        var username = "cookie_" + Guid.NewGuid().ToString("N")[..8];
        using var signUp = await browser.PostAsJsonAsync("/api/users/signup",
            new { email = $"{username}@example.com", username, password = "password1" });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);

        using var sell = await browser.PostJsonAsync("/api/tickets", new { title = "Via cookie", price = 5 });
        var current = await browser.GetJsonAsync("/api/users/currentuser");

        Assert.Equal(HttpStatusCode.Created, sell.StatusCode);
        Assert.Equal(username, current.GetProperty("currentUser").Str("username"));
    }
}
