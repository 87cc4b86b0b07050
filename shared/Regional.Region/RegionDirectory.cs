using Microsoft.Extensions.Options;

namespace Regional.Region;

/// <summary>Read-side view of the validated region: who exists, who covers whom.</summary>
public sealed class RegionDirectory(IOptions<RegionOptions> options)
{
    private readonly RegionOptions _region = options.Value;

    public IReadOnlyList<AuthorityOptions> Authorities => _region.Authorities;

    public IReadOnlyList<PoliceForceOptions> PoliceForces => _region.PoliceForces;

    public ServiceLevelOptions ServiceLevels => _region.ServiceLevels;

    /// <summary>The zone whose calendar the region's dates and years are in.</summary>
    public TimeZoneInfo TimeZone => field ??= TimeZoneInfo.FindSystemTimeZoneById(_region.TimeZone);

    public bool IsAuthority(string? id) =>
        id is not null && _region.Authorities.Exists(a => a.Id == id);

    public bool IsPoliceForce(string? id) =>
        id is not null && _region.PoliceForces.Exists(f => f.Id == id);

    public PoliceForceOptions? ForceCovering(string authorityId) =>
        _region.PoliceForces.Find(f => f.Covers.Contains(authorityId));

    /// <summary>The forces covering any of <paramref name="authorityIds"/>, each once, in the order first named.</summary>
    public IReadOnlyList<string> ForcesCovering(params string[] authorityIds) =>
        [.. authorityIds.Select(ForceCovering).OfType<PoliceForceOptions>().Select(f => f.Id).Distinct(StringComparer.Ordinal)];

    public PoliceForceOptions? Force(string? id) => _region.PoliceForces.Find(f => f.Id == id);

    /// <summary>How long a force has to acknowledge an alert of <paramref name="kind"/>.</summary>
    public TimeSpan AlertDeadline(string kind) =>
        _region.AlertDeadlines.TryGetValue(kind, out var deadline)
            ? deadline
            : throw new InvalidOperationException($"Region:AlertDeadlines has no deadline for '{kind}'.");
}
