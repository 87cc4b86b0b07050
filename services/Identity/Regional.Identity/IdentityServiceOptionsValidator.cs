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

        ValidateClients(options.Clients, failures);
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
