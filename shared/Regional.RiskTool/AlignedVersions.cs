using System.Collections.Immutable;

namespace Regional.RiskTool;

/// <summary>
/// Which tool versions the region currently accepts across borders, and which it has retired.
/// Publishing and distributing this is the broker's job; this value only answers the question
/// the same way everywhere. A version is in at most one of the two sets.
/// </summary>
public sealed class AlignedVersions : IEquatable<AlignedVersions>
{
    public static AlignedVersions None { get; } = new([], []);

    public AlignedVersions(IEnumerable<string> aligned, IEnumerable<string> retired)
    {
        Aligned = aligned.ToImmutableSortedSet(StringComparer.Ordinal);
        Retired = retired.ToImmutableSortedSet(StringComparer.Ordinal);
        if (Aligned.Concat(Retired).Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A version id cannot be blank.");
        }

        var both = Aligned.Intersect(Retired);
        if (!both.IsEmpty)
        {
            throw new ArgumentException($"A version cannot be both aligned and retired: {string.Join(", ", both)}.");
        }
    }

    public ImmutableSortedSet<string> Aligned { get; }

    public ImmutableSortedSet<string> Retired { get; }

    public bool IsAligned(string? version) => version is not null && Aligned.Contains(version);

    public bool IsRetired(string? version) => version is not null && Retired.Contains(version);

    /// <summary>Aligning a retired version brings it back.</summary>
    public AlignedVersions Align(string version) => new(Aligned.Add(version), Retired.Remove(version));

    /// <summary>Assessments made with a retired version are due for reassessment.</summary>
    public AlignedVersions Retire(string version) => new(Aligned.Remove(version), Retired.Add(version));

    public bool Equals(AlignedVersions? other) =>
        other is not null && Aligned.SetEquals(other.Aligned) && Retired.SetEquals(other.Retired);

    public override bool Equals(object? obj) => Equals(obj as AlignedVersions);

    public override int GetHashCode() => HashCode.Combine(string.Join(",", Aligned), string.Join(",", Retired));

    /// <summary>For messages such as a 422 that must say which versions are accepted.</summary>
    public override string ToString() =>
        Aligned.IsEmpty ? "no version is aligned" : string.Join(", ", Aligned);
}
