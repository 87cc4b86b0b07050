namespace Regional.Security;

/// <summary>Values of the <see cref="RegionalClaims.Role"/> claim.</summary>
public static class RegionalRoles
{
    public const string Practitioner = "practitioner";
    public const string CreCoordinator = "cre-coordinator";

    /// <summary>A team or service manager: a second pair of eyes above a practitioner (see docs/decisions/0015-consent-roles.md).</summary>
    public const string Manager = "manager";
    public const string RegionalCoordinator = "regional-coordinator";
    public const string Police = "police";

    /// <summary>A case management system calling as a client, not a person.</summary>
    public const string System = "system";

    public static IReadOnlyList<string> All { get; } =
        [Practitioner, CreCoordinator, Manager, RegionalCoordinator, Police, System];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
