using Regional.Contracts;

namespace Regional.Consent.Domain;

public static class Decisions
{
    public const string Consent = "consent";
    public const string Refusal = "refusal";
    public const string Withdrawal = "withdrawal";

    public static IReadOnlyList<string> All { get; } = [Consent, Refusal, Withdrawal];
}

/// <summary>What the child's data would be shared for; the sharing rules name the fields of each.</summary>
public static class Purposes
{
    public static IReadOnlyList<string> All { get; } = ["health", "exploitation", "education"];
}

public static class Givers
{
    public const string Child = "child";
    public const string ParentCarer = "parent-carer";
    public const string Court = "court";

    public static IReadOnlyList<string> All { get; } = [Child, ParentCarer, Court];
}

/// <summary>
/// Who consent can be about: the other participants a child's data goes to. Not the own authority
/// (nothing crosses a border) nor the regional monitor (it never receives a child's data).
/// </summary>
public static class Recipients
{
    public static IReadOnlyList<RecipientType> All { get; } =
        [RecipientType.HostAuthority, RecipientType.PlacingAuthority, RecipientType.PoliceForce];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(r => r.ToString())];

    public static RecipientType? Parse(string? value) =>
        All.Cast<RecipientType?>().FirstOrDefault(r => string.Equals(r.ToString(), value, StringComparison.Ordinal));
}

/// <summary>The laws a safeguarding override may rest on.</summary>
public static class OverrideLaws
{
    /// <summary>DPA 2018 Sch.1 para 18: safeguarding of children and individuals at risk, without consent.</summary>
    public const string Dpa2018Sch1Para18 = "dpa-2018-sch1-para18";

    public static IReadOnlyList<string> All { get; } = [Dpa2018Sch1Para18, "children-act-1989-s47", "children-act-2004-s11"];
}

public static class ApproverRoles
{
    public static IReadOnlyList<string> All { get; } = ["cre-coordinator", "manager"];
}

public static class Bases
{
    public const string Consent = "consent";
    public const string Safeguarding = "safeguarding";
}
