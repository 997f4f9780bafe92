namespace Ticketing.Users;

public enum SignUpOutcome
{
    Created,
    EmailTaken,
    UsernameTaken,
}

[GenerateSerializer, Immutable, Alias("ticketing.sign-up-result")]
public sealed record SignUpResult([property: Id(0)] SignUpOutcome Outcome, [property: Id(1)] UserView? User)
{
    public static SignUpResult Created(UserView user) => new(SignUpOutcome.Created, user);
    public static readonly SignUpResult EmailTaken = new(SignUpOutcome.EmailTaken, null);
    public static readonly SignUpResult UsernameTaken = new(SignUpOutcome.UsernameTaken, null);
}

public enum SignInOutcome
{
    SignedIn,
    InvalidCredentials,
    LockedOut,
}

[GenerateSerializer, Immutable, Alias("ticketing.sign-in-result")]
public sealed record SignInResult(
    [property: Id(0)] SignInOutcome Outcome,
    [property: Id(1)] UserView? User,
    [property: Id(2)] TimeSpan RetryAfter)
{
    public static SignInResult SignedIn(UserView user) => new(SignInOutcome.SignedIn, user, TimeSpan.Zero);
    public static readonly SignInResult InvalidCredentials = new(SignInOutcome.InvalidCredentials, null, TimeSpan.Zero);
    public static SignInResult LockedOut(TimeSpan retryAfter) => new(SignInOutcome.LockedOut, null, retryAfter);
}
