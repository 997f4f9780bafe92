using Ticketing.Grains.Tests.Infrastructure;
using Ticketing.Users;

namespace Ticketing.Grains.Tests;

/// <summary>
/// Claims a sign-up left unconfirmed because it stopped between its steps (its silo was lost): a sign-up claims the
/// email and the username, saves the account, then confirms both claims.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class IdentityClaimTests(FakeClockCluster cluster)
{
    private const string Password = "correct horse battery";

    // Longer than IdentityClaimGrain's lifetime of an unconfirmed claim (one minute).
    private static readonly TimeSpan PastTheClaimLifetime = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);

    private readonly IGrainFactory grains = cluster.Grains;

    [Fact]
    public async Task AccountSavedBeforeItsEmailClaimWasConfirmedKeepsTheEmail()
    {
        var (userId, email) = await SignedUpAsync();
        var claim = EmailClaim(email);
        await LeaveUnconfirmedAsync(claim, userId);
        FakeClockCluster.Clock.Advance(PastTheClaimLifetime);

        var newcomer = await User(Ids.New()).SignUpAsync(new SignUp(email, NewUsername(), Password));

        Assert.Equal(SignUpResult.EmailTaken, newcomer);
        Assert.Equal(userId, await claim.GetOwnerAsync());
    }

    [Fact]
    public async Task AccountSavedBeforeItsEmailClaimWasConfirmedIsFoundByItsEmailOnceTheClaimIsStale()
    {
        var (userId, email) = await SignedUpAsync();
        var claim = EmailClaim(email);
        await LeaveUnconfirmedAsync(claim, userId);

        var whileTheSignUpMightRun = await claim.GetOwnerAsync();
        FakeClockCluster.Clock.Advance(PastTheClaimLifetime);
        var afterwards = await claim.GetOwnerAsync();

        Assert.Null(whileTheSignUpMightRun);
        Assert.Equal(userId, afterwards);
    }

    [Fact]
    public async Task StaleClaimOfAnAccountNeverSavedGoesToTheNextSignUp()
    {
        var email = NewEmail();
        var claim = EmailClaim(email);
        await claim.ClaimAsync(Ids.New());
        FakeClockCluster.Clock.Advance(PastTheClaimLifetime);

        var ownerWhileStale = await claim.GetOwnerAsync();
        var newcomerId = Ids.New();
        var newcomer = await User(newcomerId).SignUpAsync(new SignUp(email, NewUsername(), Password));

        Assert.Null(ownerWhileStale);
        Assert.Equal(SignUpOutcome.Created, newcomer.Outcome);
        Assert.Equal(newcomerId, await claim.GetOwnerAsync());
    }

    [Fact]
    public async Task StaleClaimOfAnAccountSavedWithAnotherEmailGoesToTheNextSignUp()
    {
        var (userId, _) = await SignedUpAsync();
        var email = NewEmail();
        var claim = EmailClaim(email);
        await claim.ClaimAsync(userId);
        FakeClockCluster.Clock.Advance(PastTheClaimLifetime);

        var newcomerId = Ids.New();
        var newcomer = await User(newcomerId).SignUpAsync(new SignUp(email, NewUsername(), Password));

        Assert.Equal(SignUpOutcome.Created, newcomer.Outcome);
        Assert.Equal(newcomerId, await claim.GetOwnerAsync());
    }

    [Fact]
    public async Task FreshUnconfirmedClaimIsNotTakenOver()
    {
        var email = NewEmail();
        var claim = EmailClaim(email);
        var firstId = Ids.New();
        await claim.ClaimAsync(firstId);

        var newcomer = await User(Ids.New()).SignUpAsync(new SignUp(email, NewUsername(), Password));

        Assert.Equal(SignUpResult.EmailTaken, newcomer);
        Assert.Equal(firstId, await claim.ClaimAsync(Ids.New()));
    }

    /// <summary>What a silo lost between saving the account and confirming its claims leaves behind.</summary>
    private static async Task LeaveUnconfirmedAsync(IIdentityClaimGrain claim, string userId)
    {
        await claim.ReleaseAsync(userId);
        Assert.Equal(userId, await claim.ClaimAsync(userId));
    }

    private async Task<(string UserId, string Email)> SignedUpAsync()
    {
        var userId = Ids.New();
        var email = NewEmail();
        var result = await User(userId).SignUpAsync(new SignUp(email, NewUsername(), Password));
        Assert.Equal(SignUpOutcome.Created, result.Outcome);
        return (userId, email);
    }

    private IUserGrain User(string userId) => grains.GetGrain<IUserGrain>(userId);

    private IIdentityClaimGrain EmailClaim(string email) => grains.GetGrain<IIdentityClaimGrain>(IdentityClaimKeys.Email(email));

    private static string NewEmail() => $"{Ids.New()}@x.io";

    private static string NewUsername() => $"u{Ids.New()[..20]}";
}
