using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ticketing.DropSimulator.Http;

/// <summary>Source-generated (reflection-free) JSON for the API's camelCase bodies: cheap on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SignUpRequest))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(AuthDto))]
[JsonSerializable(typeof(CreateEventRequest))]
[JsonSerializable(typeof(EventDto))]
[JsonSerializable(typeof(OrderByEventRequest))]
[JsonSerializable(typeof(OrderDto))]
[JsonSerializable(typeof(OrderPageDto))]
[JsonSerializable(typeof(TicketDto))]
[JsonSerializable(typeof(PaymentRequest))]
[JsonSerializable(typeof(PaymentDto))]
[JsonSerializable(typeof(ProblemDto))]
internal sealed partial class ApiJson : JsonSerializerContext;
