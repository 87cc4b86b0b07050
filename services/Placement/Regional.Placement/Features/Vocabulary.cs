namespace Regional.Placement.Features;

/// <summary>
/// Code lists the region agreed, from the DfE SSDA903 return and the NHS data dictionary,
/// so that every authority's case system maps to the same values.
/// </summary>
internal static class Vocabulary
{
    /// <summary>SSDA903 legal status codes.</summary>
    public static readonly HashSet<string> LegalStatuses =
        ["C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"];

    public static readonly HashSet<string> PlacementTypes =
    [
        "foster-care", "kinship-care", "childrens-home", "residential-school", "secure-unit",
        "semi-independent", "placed-with-parents", "placed-for-adoption", "other",
    ];

    /// <summary>NHS data dictionary person stated gender codes, as words.</summary>
    public static readonly HashSet<string> Genders = ["male", "female", "indeterminate", "not-known"];

    public static readonly HashSet<string> EndReasons =
    [
        "returned-home", "moved-placement", "moved-out-of-area", "adopted", "special-guardianship",
        "turned-18", "custody", "other",
    ];
}
