using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Api;

/// <summary>Every protected route refuses a token that is missing, malformed, expired, forged or unsigned.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuthTokenTests(GatewayFixture gateway)
{
    [Fact]
    public async Task MissingTokenIsUnauthorized()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/api/orders");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task MalformedTokenIsUnauthorized()
    {
        using var client = gateway.CreateClient("this.is-not.a-jwt");

        using var response = await client.GetAsync("/api/orders");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ExpiredTokenIsUnauthorized()
    {
        var user = await gateway.SignUpAsync();
        var expired = Forge(user, GatewayFixture.SigningKey, issuedAt: DateTime.UtcNow.AddHours(-3), lifetime: TimeSpan.FromHours(1));
        using var client = gateway.CreateClient(expired);

        using var response = await client.GetAsync("/api/orders");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task TokenSignedWithAnotherKeyIsUnauthorized()
    {
        var user = await gateway.SignUpAsync();
        var forged = Forge(user, "a-completely-different-key-0123456789abcdef", DateTime.UtcNow, TimeSpan.FromHours(1));
        using var client = gateway.CreateClient(forged);

        using var response = await client.GetAsync("/api/orders");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task UnsignedAlgNoneTokenIsUnauthorized()
    {
        var user = await gateway.SignUpAsync();
        var payload = user.Token.Split('.')[1];
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        using var client = gateway.CreateClient($"{header}.{payload}.");

        using var response = await client.GetAsync("/api/orders");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task CorrectlySignedTokenForAnUnknownUserIsUnauthorized()
    {
        var ghost = new TestUser(Ids.New(), "ghost", "ghost@example.com", "", null!);
        using var client = gateway.CreateClient(Forge(ghost, GatewayFixture.SigningKey, DateTime.UtcNow, TimeSpan.FromHours(1)));

        using var response = await client.GetAsync("/api/orders");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ForgedTokenControlIsAcceptedSoTheOthersFailForTheirFlaw()
    {
        var user = await gateway.SignUpAsync();
        using var client = gateway.CreateClient(Forge(user, GatewayFixture.SigningKey, DateTime.UtcNow, TimeSpan.FromHours(1)));

        using var response = await client.GetAsync("/api/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Forge(TestUser user, string key, DateTime issuedAt, TimeSpan lifetime) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "ticketing",
            Audience = "ticketing",
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", user.Id), new Claim("name", user.Username), new Claim("sep", "1", ClaimValueTypes.Integer32)]),
        });

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
