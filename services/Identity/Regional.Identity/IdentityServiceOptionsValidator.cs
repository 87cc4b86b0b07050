using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Regional.Security;

namespace Regional.Identity;

internal sealed class IdentityServiceOptionsValidator(IHostEnvironment environment) : IValidateOptions<IdentityServiceOptions>
{
    private const string Section = IdentityServiceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, IdentityServiceOptions options)
    {
        var failures = new List<string>();

        if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out var issuer)
            || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp)
            || issuer.Query.Length > 0 || issuer.Fragment.Length > 0)
            failures.Add($"{Section}:Issuer must be an absolute http(s) URL without query or fragment: this service's public base URL.");

        if (string.IsNullOrWhiteSpace(options.Audience))
            failures.Add($"{Section}:Audience must not be empty.");

        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenLifetime > TimeSpan.FromDays(1))
            failures.Add($"{Section}:TokenLifetime must be more than zero and at most 1.00:00:00.");

        if (!string.IsNullOrWhiteSpace(options.SigningKeyPath) && !File.Exists(options.SigningKeyPath))
            failures.Add($"{Section}:SigningKeyPath names a file that does not exist.");

        for (var i = 0; i < options.PreviousSigningKeyPaths.Count; i++)
        {
            if (!File.Exists(options.PreviousSigningKeyPaths[i]))
                failures.Add($"{Section}:PreviousSigningKeyPaths:{i} names a file that does not exist.");
        }

        if (!string.IsNullOrWhiteSpace(options.EncryptionKeyPath) && !File.Exists(options.EncryptionKeyPath))
            failures.Add($"{Section}:EncryptionKeyPath names a file that does not exist.");

        if (options.RefreshTokenLifetime <= TimeSpan.Zero || options.RefreshTokenLifetime > TimeSpan.FromDays(30))
            failures.Add($"{Section}:RefreshTokenLifetime must be more than zero and at most 30.00:00:00.");

        ValidateClients(options.Clients, failures);
        ValidateBrowserClients(options, failures);
        ValidateDemoUsers(options.DemoUsers, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateClients(List<ClientOptions> clients, List<string> failures)
    {
        for (var i = 0; i < clients.Count; i++)
        {
            var client = clients[i];
            var key = $"{Section}:Clients:{i}";
            if (string.IsNullOrWhiteSpace(client.ClientId))
                failures.Add($"{key}:ClientId is required.");
            if (string.IsNullOrWhiteSpace(client.ClientSecret))
                failures.Add($"{key}:ClientSecret is required.");
            if (string.IsNullOrWhiteSpace(client.Authority) == string.IsNullOrWhiteSpace(client.Force))
                failures.Add($"{key} must have exactly one of Authority and Force.");
            ValidateRoles(client.Roles, key, failures);
        }

        ReportDuplicates(clients.Select(c => c.ClientId), "Clients", "ClientId", failures);
    }

    private void ValidateBrowserClients(IdentityServiceOptions options, List<string> failures)
    {
        for (var i = 0; i < options.BrowserClients.Count; i++)
        {
            var client = options.BrowserClients[i];
            var key = $"{Section}:BrowserClients:{i}";
            if (string.IsNullOrWhiteSpace(client.ClientId))
                failures.Add($"{key}:ClientId is required.");
            else if (options.Clients.Any(c => string.Equals(c.ClientId, client.ClientId, StringComparison.OrdinalIgnoreCase)))
                failures.Add($"{key}:ClientId '{client.ClientId}' is also a system client's.");
            if (client.RedirectUris.Count == 0)
                failures.Add($"{key}:RedirectUris must name at least one URL.");
            for (var j = 0; j < client.RedirectUris.Count; j++)
                ValidateRedirect(client.RedirectUris[j], $"{key}:RedirectUris:{j}", failures);
            for (var j = 0; j < client.PostLogoutRedirectUris.Count; j++)
                ValidateRedirect(client.PostLogoutRedirectUris[j], $"{key}:PostLogoutRedirectUris:{j}", failures);
        }

        ReportDuplicates(options.BrowserClients.Select(c => c.ClientId), "BrowserClients", "ClientId", failures);
    }

    // Codes travel in the redirect: in Production only over https, or to this machine itself.
    private void ValidateRedirect(string value, string key, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Fragment.Length > 0)
            failures.Add($"{key} must be an absolute http(s) URL without fragment.");
        else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && environment.IsProduction())
            failures.Add($"{key} must use https in the Production environment (http only to a loopback address).");
    }

    private void ValidateDemoUsers(DemoUsersOptions demo, List<string> failures)
    {
        if (!demo.Enabled)
            return;

        // Demo sign-in hands out tokens without a password: never where real data lives.
        if (environment.IsProduction())
            failures.Add($"{Section}:DemoUsers:Enabled must be false in the Production environment.");

        for (var i = 0; i < demo.Users.Count; i++)
        {
            var user = demo.Users[i];
            var key = $"{Section}:DemoUsers:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.UserName))
                failures.Add($"{key}:UserName is required.");
            // A regional coordinator belongs to neither an authority nor a force.
            if (!string.IsNullOrWhiteSpace(user.Authority) && !string.IsNullOrWhiteSpace(user.Force))
                failures.Add($"{key} must not have both Authority and Force.");
            ValidateRoles(user.Roles, key, failures);
        }

        ReportDuplicates(demo.Users.Select(u => u.UserName), "DemoUsers:Users", "UserName", failures);
    }

    private static void ValidateRoles(List<string> roles, string key, List<string> failures)
    {
        if (roles.Count == 0)
            failures.Add($"{key}:Roles must name at least one role.");
        foreach (var role in roles.Where(r => !RegionalRoles.IsKnown(r)))
            failures.Add($"{key}:Roles contains unknown role '{role}'; known roles: {string.Join(", ", RegionalRoles.All)}.");
    }

    // Case-insensitive, so that two ids differing only in case cannot be confused by a reader.
    private static void ReportDuplicates(IEnumerable<string> ids, string list, string field, List<string> failures)
    {
        var duplicates = ids.Where(id => !string.IsNullOrWhiteSpace(id))
            .GroupBy(id => id, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        foreach (var id in duplicates)
            failures.Add($"{Section}:{list} has more than one entry with {field} '{id}'.");
    }
}
