namespace Ticketing;

/// <summary>One page of a newest-first index; <see cref="Next"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.page`1")]
public sealed record Page<T>([property: Id(0)] IReadOnlyList<T> Items, [property: Id(1)] IndexPosition? Next);

/// <summary>A position in a newest-first index: the entries after it are strictly older.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.index-position")]
public sealed record IndexPosition([property: Id(0)] DateTime CreatedAt, [property: Id(1)] string Id);
