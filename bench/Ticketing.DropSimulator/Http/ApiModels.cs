namespace Ticketing.DropSimulator.Http;

// The slices of the HTTP contract (docs: /work/shared/api-contract.md, v1) the simulator sends and reads.

public sealed record SignUpRequest(string Email, string Username, string Password);

public sealed record SignInRequest(string Username, string Password);

public sealed record UserDto(string Id, string Email, string Username);

public sealed record AuthDto(UserDto User, string Token);

public sealed record CreateEventRequest(string Title, decimal Price, int Capacity, DateTimeOffset? OnSaleAt, int? MaxPerUser);

public sealed record EventDto(
    string Id, string Title, decimal Price, int Capacity, int Available, int Sold, DateTimeOffset OnSaleAt, int? MaxPerUser, string UserId);

public sealed record OrderByEventRequest(string EventId);

public sealed record OrderTicketDto(string Id, string Title, decimal Price);

public sealed record OrderDto(
    string Id, string UserId, string Status, DateTimeOffset ExpiresAt, OrderTicketDto Ticket, string? EventId, string? CancelReason);

public sealed record OrderPageDto(IReadOnlyList<OrderDto> Items, string? NextCursor);

public sealed record TicketDto(string Id, string? OrderId, string? EventId, string Status, int Version);

public sealed record PaymentRequest(string OrderId, string Token);

public sealed record PaymentDto(string Id, string OrderId, string Status);

/// <summary>RFC 9457 problem details; only the contract's machine-readable <c>code</c> matters here.</summary>
public sealed record ProblemDto(string? Code, string? Detail);

/// <summary>Order statuses as the API spells them.</summary>
public static class OrderStatuses
{
    public const string Created = "created";
    public const string AwaitingPayment = "awaiting:payment";
    public const string Complete = "complete";
    public const string Cancelled = "cancelled";

    /// <summary>An order that still holds its seat.</summary>
    public static bool IsLive(string status) => status is Created or AwaitingPayment or Complete;
}
