namespace Regional.Api.Region;

public sealed record AlignmentRequest(string[]? Aligned, string[]? Retired);

public sealed record AlignmentResponse(long Revision, IReadOnlyList<string> Aligned, IReadOnlyList<string> Retired, DateTimeOffset ChangedAt, IReadOnlyList<string> KnownVersions);
