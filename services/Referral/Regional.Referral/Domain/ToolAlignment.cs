using Regional.RiskTool;

namespace Regional.Referral.Domain;

/// <summary>The region's aligned and retired tool versions, as last published to this authority (one row).</summary>
public sealed class ToolAlignment
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The coordinator's revision; a lower one arriving late is ignored.</summary>
    public long Revision { get; set; }

    public List<string> Aligned { get; set; } = [];

    public List<string> Retired { get; set; } = [];

    public DateTimeOffset ChangedAt { get; set; }

    public AlignedVersions ToAlignedVersions() => new(Aligned, Retired);
}
