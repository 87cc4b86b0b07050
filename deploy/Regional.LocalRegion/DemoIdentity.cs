using Regional.Region;
using Regional.Security;

namespace Regional.LocalRegion;

/// <summary>
/// Demo users and system clients for every participant of the region, derived from the
/// region file so that a new authority gets its own without an edit here.
/// </summary>
public static class DemoIdentity
{
    public const string DemoSecret = "dev-secret";

    /// <summary>The coordinator's dashboard, which signs people in with the authorization code flow.</summary>
    public const string DashboardClientId = "regional-dashboard";

    public static Dictionary<string, string?> Settings(RegionOptions region)
    {
        var settings = new Dictionary<string, string?> { ["Identity:DemoUsers:Enabled"] = "true" };
        var user = 0;
        var client = 0;

        void User(string name, string display, string? authority, string? force, string role)
        {
            var key = $"Identity:DemoUsers:Users:{user++}";
            settings[$"{key}:UserName"] = name;
            settings[$"{key}:DisplayName"] = display;
            settings[$"{key}:Authority"] = authority;
            settings[$"{key}:Force"] = force;
            settings[$"{key}:Roles:0"] = role;
        }

        void Client(string id, string? authority, string? force, string role)
        {
            var key = $"Identity:Clients:{client++}";
            settings[$"{key}:ClientId"] = id;
            settings[$"{key}:ClientSecret"] = DemoSecret;
            settings[$"{key}:Authority"] = authority;
            settings[$"{key}:Force"] = force;
            settings[$"{key}:Roles:0"] = role;
        }

        foreach (var authority in region.Authorities)
        {
            User($"{authority.Id}.practitioner", $"{authority.Name} practitioner", authority.Id, null, RegionalRoles.Practitioner);
            User($"{authority.Id}.cre-coordinator", $"{authority.Name} CRE coordinator", authority.Id, null, RegionalRoles.CreCoordinator);
            User($"{authority.Id}.manager", $"{authority.Name} manager", authority.Id, null, RegionalRoles.Manager);
            Client($"{authority.Id}-case-system", authority.Id, null, RegionalRoles.System);
        }

        foreach (var force in region.PoliceForces)
        {
            User($"{force.Id}.officer", $"{force.Name} officer", null, force.Id, RegionalRoles.Police);
            Client($"{force.Id}-system", null, force.Id, RegionalRoles.Police);
        }

        User("regional.coordinator", "Regional coordinator", null, null, RegionalRoles.RegionalCoordinator);

        // A public client: no secret, PKCE instead. The address is the region's default gateway port.
        settings["Identity:BrowserClients:0:ClientId"] = DashboardClientId;
        settings["Identity:BrowserClients:0:DisplayName"] = "Regional dashboard";
        settings["Identity:BrowserClients:0:RedirectUris:0"] = "http://127.0.0.1:5080/monitor/signin-oidc";
        settings["Identity:BrowserClients:0:PostLogoutRedirectUris:0"] = "http://127.0.0.1:5080/monitor/signout-callback-oidc";
        return settings;
    }
}
