using Microsoft.Extensions.Options;

namespace Regional.Security;

internal sealed class RegionalAuthenticationOptionsValidator : IValidateOptions<RegionalAuthenticationOptions>
{
    // Asymmetric only: a symmetric or "none" algorithm would let anyone holding the
    // published key material, or no key at all, mint tokens.
    private static readonly HashSet<string> AsymmetricAlgorithms =
        ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    private const string Section = RegionalAuthenticationOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, RegionalAuthenticationOptions options)
    {
        var failures = new List<string>();

        CheckAddress(options.Authority, "Authority", required: true, options.RequireHttpsMetadata, failures);
        CheckAddress(options.MetadataAddress, "MetadataAddress", required: false, options.RequireHttpsMetadata, failures);

        if (string.IsNullOrWhiteSpace(options.Audience))
            failures.Add($"{Section}:Audience must not be empty.");

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
            failures.Add($"{Section}:ClockSkew must be between 00:00:00 and 00:05:00.");

        foreach (var algorithm in options.ValidAlgorithms.Where(a => !AsymmetricAlgorithms.Contains(a)))
            failures.Add($"{Section}:ValidAlgorithms contains '{algorithm}'; only {string.Join(", ", AsymmetricAlgorithms)} are accepted.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAddress(string? value, string key, bool required, bool requireHttps, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                failures.Add($"{Section}:{key} is required: the issuer URL of the token service.");
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            failures.Add($"{Section}:{key} must be an absolute http(s) URL.");
        else if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
            failures.Add($"{Section}:{key} must use https unless {Section}:RequireHttpsMetadata is false (development and tests only).");
    }
}
