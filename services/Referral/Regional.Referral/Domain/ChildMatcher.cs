using Regional.ServiceDefaults;

namespace Regional.Referral.Domain;

/// <summary>Which identifier found the child in the register, strongest first.</summary>
public static class MatchedOn
{
    public const string NhsNumber = "nhs-number";
    public const string LocalIdAndPlacingAuthority = "local-id-and-placing-authority";
    public const string NameAndDateOfBirth = "name-and-date-of-birth";
}

public sealed record ChildMatch(IncomingChild Child, string MatchedOn);

/// <summary>
/// Finds the child a concern is about in the register of children placed here by others.
/// The NHS number is unique, so it decides alone; the placing authority's own id is unique
/// within that authority; a name with a date of birth is the referrer's last resort (a police
/// officer rarely knows more) and counts only when exactly one child fits, because telling
/// the wrong council about a child is a disclosure, not a near miss.
/// </summary>
public static class ChildMatcher
{
    public static ChildMatch? Match(ReferredChild child, IEnumerable<IncomingChild> register, DateOnly on)
    {
        var candidates = register.Where(c => c.IsPlacedHereOn(on)).ToList();

        if (child.NhsNumber is { } raw && NhsNumber.Normalise(raw) is { } nhs)
        {
            var byNhs = candidates.Where(c => c.NhsNumber == nhs).ToList();
            if (byNhs.Count == 1)
            {
                return new ChildMatch(byNhs[0], MatchedOn.NhsNumber);
            }
        }

        if (!string.IsNullOrWhiteSpace(child.LocalId) && !string.IsNullOrWhiteSpace(child.PlacingAuthority))
        {
            var byLocalId = candidates
                .Where(c => c.PlacingAuthority == child.PlacingAuthority.Trim()
                            && string.Equals(c.LocalId, child.LocalId.Trim(), StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (byLocalId.Count == 1)
            {
                return new ChildMatch(byLocalId[0], MatchedOn.LocalIdAndPlacingAuthority);
            }
        }

        if (!string.IsNullOrWhiteSpace(child.GivenName) && !string.IsNullOrWhiteSpace(child.FamilyName) && child.DateOfBirth is { } dob)
        {
            var byName = candidates
                .Where(c => c.DateOfBirth == dob && SameName(c.GivenName, child.GivenName) && SameName(c.FamilyName, child.FamilyName))
                .ToList();
            if (byName.Count == 1)
            {
                return new ChildMatch(byName[0], MatchedOn.NameAndDateOfBirth);
            }
        }

        return null;
    }

    /// <summary>Case, surrounding spaces and inner spacing do not make a different name.</summary>
    private static bool SameName(string registered, string referred) =>
        string.Equals(Collapse(registered), Collapse(referred), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
