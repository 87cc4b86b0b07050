using Microsoft.Extensions.Options;

namespace Regional.Region;

/// <summary>Read-side view of the validated region: who exists, who covers whom.</summary>
public sealed class RegionDirectory(IOptions<RegionOptions> options)
{
    private readonly RegionOptions _region = options.Value;

    public IReadOnlyList<AuthorityOptions> Authorities => _region.Authorities;

    public IReadOnlyList<PoliceForceOptions> PoliceForces => _region.PoliceForces;

    public ServiceLevelOptions ServiceLevels => _region.ServiceLevels;

    public bool IsAuthority(string? id) =>
        id is not null && _region.Authorities.Exists(a => a.Id == id);

    public bool IsPoliceForce(string? id) =>
        id is not null && _region.PoliceForces.Exists(f => f.Id == id);

    public PoliceForceOptions? ForceCovering(string authorityId) =>
        _region.PoliceForces.Find(f => f.Covers.Contains(authorityId));
}
