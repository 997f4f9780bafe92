using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Users;

namespace Ticketing.Grains.Tests;

[Collection(FakeClockCollection.Name)]
public sealed class UserGrainTests(FakeClockCluster cluster)
{
    private const string Password = "correct horse battery";

    private static readonly TimeSpan ThrottleWindow = TimeSpan.FromMinutes(5);

    private readonly IGrainFactory grains = cluster.Grains;

    [Fact]
    public async Task SignedUpUserSignsInWithTheirPassword()
    {
        var userId = Ids.New();
        var email = $"{Ids.New()}@x.io";
        var username = $"u{Ids.New()[..20]}";

        var signedUp = await User(userId).SignUpAsync(new SignUp($"  {email} ", username, Password));
        var signedIn = await User(userId).SignInAsync(Password);

        var expected = new UserView(userId, email, username, SessionEpoch: 1);
        Assert.Equal(SignUpResult.Created(expected), signedUp);
        Assert.Equal(SignInResult.SignedIn(expected), signedIn);
        Assert.Equal(expected, await User(userId).GetAsync());
    }

    [Fact]
    public async Task WrongPasswordIsInvalidCredentials()
    {
        var userId = await SignUpAsync();

        var result = await User(userId).SignInAsync("not the password");

        Assert.Equal(SignInResult.InvalidCredentials, result);
    }

    [Fact]
    public async Task UnknownAccountIsInvalidCredentials()
    {
        var result = await User(Ids.New()).SignInAsync(Password);

        Assert.Equal(SignInResult.InvalidCredentials, result);
    }

    [Fact]
    public async Task TenFailuresLockTheAccountEvenAgainstTheRightPassword()
    {
        var userId = await SignUpAsync();
        var failures = new List<SignInResult>();
        for (var i = 0; i < 10; i++)
        {
            failures.Add(await User(userId).SignInAsync("not the password"));
        }

        var withRightPassword = await User(userId).SignInAsync(Password);

        Assert.All(failures, f => Assert.Equal(SignInResult.InvalidCredentials, f));
        Assert.Equal(SignInResult.LockedOut(ThrottleWindow), withRightPassword);
    }

    [Fact]
    public async Task LockOutEndsWhenTheOldestFailureIsFiveMinutesOld()
    {
        var userId = await SignUpAsync();
        for (var i = 0; i < 10; i++)
        {
            await User(userId).SignInAsync("not the password");
        }

        FakeClockCluster.Clock.Advance(ThrottleWindow - TimeSpan.FromSeconds(1));
        var stillLocked = await User(userId).SignInAsync(Password);
        FakeClockCluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var unlocked = await User(userId).SignInAsync(Password);

        Assert.Equal(SignInResult.LockedOut(TimeSpan.FromSeconds(1)), stillLocked);
        Assert.Equal(SignInOutcome.SignedIn, unlocked.Outcome);
    }

    [Fact]
    public async Task SuccessfulSignInForgetsEarlierFailures()
    {
        var userId = await SignUpAsync();
        for (var i = 0; i < 9; i++)
        {
            await User(userId).SignInAsync("not the password");
        }

        await User(userId).SignInAsync(Password);
        for (var i = 0; i < 9; i++)
        {
            await User(userId).SignInAsync("not the password");
        }

        var result = await User(userId).SignInAsync(Password);

        Assert.Equal(SignInOutcome.SignedIn, result.Outcome);
    }

    [Fact]
    public async Task UnknownAccountIsThrottledLikeAKnownOne()
    {
        var claim = grains.GetGrain<IIdentityClaimGrain>(IdentityClaimKeys.Email($"{Ids.New()}@x.io"));
        var failures = new List<SignInResult>();
        for (var i = 0; i < 10; i++)
        {
            failures.Add(await claim.SignInWithoutAccountAsync(Password));
        }

        var eleventh = await claim.SignInWithoutAccountAsync(Password);

        Assert.All(failures, f => Assert.Equal(SignInResult.InvalidCredentials, f));
        Assert.Equal(SignInResult.LockedOut(ThrottleWindow), eleventh);
    }

    [Fact]
    public async Task EmailIsTakenWhateverItsCase()
    {
        var local = Ids.New();
        var firstId = await SignUpAsync(email: $"{local}@x.io");
        var secondId = Ids.New();

        var second = await User(secondId).SignUpAsync(new SignUp($"{local.ToUpperInvariant()}@X.IO", $"u{Ids.New()[..20]}", Password));

        Assert.Equal(SignUpResult.EmailTaken, second);
        Assert.Equal(firstId, await grains.GetGrain<IIdentityClaimGrain>(IdentityClaimKeys.Email($" {local}@X.io")).GetOwnerAsync());
        Assert.Null(await User(secondId).GetAsync());
    }

    [Fact]
    public async Task UsernameIsTakenWhateverItsCaseAndTheEmailStaysFree()
    {
        var username = $"Alice{Ids.New()[..20]}";
        var firstId = await SignUpAsync(username: username);
        var secondId = Ids.New();
        var secondEmail = $"{Ids.New()}@x.io";

        var taken = await User(secondId).SignUpAsync(new SignUp(secondEmail, username.ToUpperInvariant(), Password));
        var emailOwner = await grains.GetGrain<IIdentityClaimGrain>(IdentityClaimKeys.Email(secondEmail)).GetOwnerAsync();
        var retry = await User(secondId).SignUpAsync(new SignUp(secondEmail, $"u{Ids.New()[..20]}", Password));

        Assert.Equal(SignUpResult.UsernameTaken, taken);
        Assert.Equal(firstId, await grains.GetGrain<IIdentityClaimGrain>(IdentityClaimKeys.Username(username.ToLowerInvariant())).GetOwnerAsync());
        Assert.Null(emailOwner);
        Assert.Equal(SignUpOutcome.Created, retry.Outcome);
    }

    [Fact]
    public async Task OneOfManyConcurrentSignUpsWithTheSameEmailWins()
    {
        var email = $"{Ids.New()}@x.io";
        var userIds = Enumerable.Range(0, 10).Select(_ => Ids.New()).ToList();

        var results = await Task.WhenAll(userIds.Select(id =>
            User(id).SignUpAsync(new SignUp(email, $"u{Ids.New()[..20]}", Password))));

        var winner = Assert.Single(results, r => r.Outcome == SignUpOutcome.Created);
        Assert.Equal(9, results.Count(r => r == SignUpResult.EmailTaken));
        Assert.Equal(winner.User!.Id, await grains.GetGrain<IIdentityClaimGrain>(IdentityClaimKeys.Email(email)).GetOwnerAsync());
    }

    [Fact]
    public async Task ConcurrentWrongPasswordsLockTheAccountAfterExactlyTen()
    {
        var userId = await SignUpAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => User(userId).SignInAsync("not the password")));

        Assert.Equal(10, results.Count(r => r == SignInResult.InvalidCredentials));
        Assert.Equal(5, results.Count(r => r.Outcome == SignInOutcome.LockedOut));
    }

    [Fact]
    public async Task SignOutMovesTheSessionEpochForward()
    {
        var userId = await SignUpAsync();
        var before = await User(userId).GetSessionEpochAsync();

        await User(userId).SignOutAsync();
        await User(userId).SignOutAsync();

        Assert.Equal(1, before);
        Assert.Equal(3, await User(userId).GetSessionEpochAsync());
        Assert.Equal(3, (await User(userId).SignInAsync(Password)).User!.SessionEpoch);
    }

    [Fact]
    public async Task UnknownAccountHasNoSessionEpoch()
    {
        Assert.Null(await User(Ids.New()).GetSessionEpochAsync());
    }

    private IUserGrain User(string userId) => grains.GetGrain<IUserGrain>(userId);

    private async Task<string> SignUpAsync(string? email = null, string? username = null)
    {
        var userId = Ids.New();
        var result = await User(userId).SignUpAsync(
            new SignUp(email ?? $"{Ids.New()}@x.io", username ?? $"u{Ids.New()[..20]}", Password));
        Assert.Equal(SignUpOutcome.Created, result.Outcome);
        return userId;
    }
}
