using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Regional.Security;

/// <summary>
/// Validates access tokens against the issuer's published keys. One per application
/// (not static), so that several services in one process keep separate issuers and caches.
/// </summary>
internal sealed class RegionalTokenValidator
{
    private readonly RegionalAuthenticationOptions _options;
    private readonly IssuerMetadata _metadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TimeProvider _time;

    /// <summary>
    /// A case system sends the same token on every call for its lifetime: a token already
    /// validated is trusted again, without the signature check, until it expires or for at most
    /// <see cref="MaxCacheAge"/>, so that a revoked signing key stops working within that time.
    /// </summary>
    private readonly ConcurrentDictionary<string, (ClaimsIdentity Identity, DateTimeOffset Until)> _validated = new(StringComparer.Ordinal);

    private static readonly TimeSpan MaxCacheAge = TimeSpan.FromMinutes(5);
    private const int MaxCachedTokens = 10_000;

    public RegionalTokenValidator(
        IOptions<RegionalAuthenticationOptions> options, IHttpClientFactory clients, TimeProvider time, ILogger<RegionalTokenValidator> logger)
    {
        _options = options.Value;
        _time = time;
        _metadata = new IssuerMetadata(
            MetadataAddress(_options), new DiscoveryDocumentRetriever(clients, _options.RequireHttpsMetadata), time, logger);
    }

    public async Task<TokenValidationResult> ValidateAsync(string token, CancellationToken cancel)
    {
        var now = _time.GetUtcNow();
        if (_validated.TryGetValue(token, out var known) && known.Until > now)
        {
            return new TokenValidationResult { IsValid = true, ClaimsIdentity = known.Identity.Clone() };
        }

        var result = await ValidateSignedAsync(token, cancel).ConfigureAwait(false);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            if (_validated.Count >= MaxCachedTokens)
            {
                _validated.Clear();
            }

            var expires = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            _validated[token] = (result.ClaimsIdentity.Clone(), expires < now + MaxCacheAge ? expires : now + MaxCacheAge);
        }

        return result;
    }

    private async Task<TokenValidationResult> ValidateSignedAsync(string token, CancellationToken cancel)
    {
        var configuration = await _metadata.GetAsync(cancel).ConfigureAwait(false);
        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration)).ConfigureAwait(false);

        // An unknown key id usually means the issuer rotated its key: fetch the keys again
        // now, so that the first token signed with the new key is already accepted.
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            var refreshed = await _metadata.RefreshAsync(configuration, cancel).ConfigureAwait(false);
            if (!ReferenceEquals(refreshed, configuration))
                result = await _handler.ValidateTokenAsync(token, Parameters(refreshed)).ConfigureAwait(false);
        }

        return result;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration)
    {
        // The issuer is the configured Authority, not whatever the fetched document says,
        // so a MetadataAddress pointing elsewhere cannot widen whom we trust.
        var issuer = _options.Authority.TrimEnd('/');
        return new TokenValidationParameters
        {
            AuthenticationType = RegionalAuthenticationDefaults.AuthenticationScheme,
            ValidIssuers = [issuer, issuer + "/"],
            ValidAudience = _options.Audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = _options.EffectiveAlgorithms,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = _options.ClockSkew,
            NameClaimType = RegionalClaims.Subject,
            RoleClaimType = RegionalClaims.Role,
        };
    }

    private static string MetadataAddress(RegionalAuthenticationOptions options) =>
        string.IsNullOrWhiteSpace(options.MetadataAddress)
            ? options.Authority.TrimEnd('/') + "/.well-known/openid-configuration"
            : options.MetadataAddress;
}
