namespace Regional.RiskTool;

/// <summary>
/// An assessment carried into a later version, with what the practitioner has to look at
/// before relying on it. <see cref="Versions"/> is the route taken, first to last.
/// </summary>
public sealed record MappedAssessment(RiskAssessment Assessment, IReadOnlyList<MappingNote> Notes, IReadOnlyList<string> Versions)
{
    public bool NeedsReview => Notes.Any(n => n.NeedsReview);
}

/// <summary>
/// One change made by one mapping step. <see cref="Category"/> is null for notes about the
/// override; <see cref="From"/> holds old codes and <see cref="To"/> new ones.
/// </summary>
public sealed record MappingNote(
    string FromVersion,
    string ToVersion,
    CodeCategory? Category,
    MappingChange Change,
    IReadOnlyList<string> From,
    IReadOnlyList<string> To,
    string Message,
    bool NeedsReview)
{
    public override string ToString() => $"{FromVersion} -> {ToVersion} {Change}: {Message}";
}

public enum MappingChange
{
    /// <summary>Same code, with a note from the region (e.g. its descriptors were reworded).</summary>
    Kept,
    Renamed,
    Split,
    Merged,
    Dropped,
    Added,
    OverrideCarried,
    OverrideRemoved,
}

/// <summary>Thrown when an assessment cannot be carried to the version asked for.</summary>
public sealed class RiskToolMappingException(string message) : Exception(message);
