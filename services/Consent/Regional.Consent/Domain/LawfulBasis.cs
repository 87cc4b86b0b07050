using Regional.Contracts;

namespace Regional.Consent.Domain;

/// <summary>The basis that holds for one purpose and recipient type, or none.</summary>
public sealed record EffectiveBasis(
    string Purpose,
    RecipientType RecipientType,
    string? Basis,
    ConsentDecision? Decision,
    SafeguardingOverride? Override)
{
    public bool Holds => Basis is not null;

    /// <summary>The law an override rests on; consent names none (the decision is the reference).</summary>
    public string? Reference => Override?.LawfulBasis;

    public DateOnly? ReviewBy => Override?.ReviewBy;
}

/// <summary>
/// Whose decision counts, and what holds. Pure: the same decisions and day always give the same answer.
/// </summary>
public static class LawfulBasis
{
    /// <summary>
    /// The standing of a decision: a court's over a competent child's over a parent's or carer's.
    /// A child judged not competent has none: their views are recorded, but do not decide.
    /// </summary>
    public static int Standing(ConsentDecision decision) => decision.GivenBy switch
    {
        Givers.Court => 3,
        Givers.Child when decision.Competent == true => 2,
        Givers.ParentCarer => 1,
        _ => 0,
    };

    /// <summary>
    /// The decision that decides for (<paramref name="purpose"/>, <paramref name="recipient"/>): of
    /// the highest standing present, the latest decided, then the latest recorded. Null when none.
    /// </summary>
    public static ConsentDecision? Winning(IEnumerable<ConsentDecision> decisions, string purpose, RecipientType recipient) =>
        decisions
            .Where(d => d.Covers(purpose, recipient) && Standing(d) > 0)
            .OrderByDescending(Standing)
            .ThenByDescending(d => d.DecidedOn)
            .ThenByDescending(d => d.RecordedAt)
            .ThenByDescending(d => d.Sequence)
            .FirstOrDefault();

    /// <summary>
    /// Consent holds when the winning decision is a consent; otherwise an override in force on
    /// <paramref name="today"/> (the one reviewed last, then recorded last) holds; otherwise none.
    /// Consent comes first: an override is the exception for when consent is not there.
    /// </summary>
    public static EffectiveBasis Effective(
        IEnumerable<ConsentDecision> decisions,
        IEnumerable<SafeguardingOverride> overrides,
        string purpose,
        RecipientType recipient,
        DateOnly today)
    {
        if (Winning(decisions, purpose, recipient) is { Decision: Decisions.Consent } consent)
        {
            return new EffectiveBasis(purpose, recipient, Bases.Consent, consent, null);
        }

        var standing = overrides
            .Where(o => o.Covers(purpose, recipient) && o.HoldsOn(today))
            .OrderByDescending(o => o.ReviewBy)
            .ThenByDescending(o => o.Sequence)
            .FirstOrDefault();
        return standing is null
            ? new EffectiveBasis(purpose, recipient, null, null, null)
            : new EffectiveBasis(purpose, recipient, Bases.Safeguarding, null, standing);
    }

    /// <summary>
    /// The consent a withdrawal by <paramref name="givenBy"/> would withdraw: that giver's latest
    /// decision for the purpose and recipient, when it is a consent. Null when there is nothing to withdraw.
    /// </summary>
    public static ConsentDecision? Withdrawable(IEnumerable<ConsentDecision> decisions, string givenBy, string purpose, RecipientType recipient) =>
        decisions
            .Where(d => d.Covers(purpose, recipient) && d.GivenBy == givenBy && Standing(d) > 0)
            .OrderByDescending(d => d.DecidedOn)
            .ThenByDescending(d => d.RecordedAt)
            .ThenByDescending(d => d.Sequence)
            .FirstOrDefault() is { Decision: Decisions.Consent } standing
            ? standing
            : null;
}
