using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Regional.Security;

/// <summary>
/// The JwtBearer handler's token handler: <see cref="JsonWebTokenHandler"/> with the issuer's keys
/// from <see cref="IssuerMetadata"/>, and a cache of tokens already validated. One per
/// application (not static), so that several services in one process keep separate issuers and caches.
/// </summary>
internal sealed class RegionalTokenHandler : TokenHandler
{
    private readonly IssuerMetadata _metadata;
    private readonly JsonWebTokenHandler _inner = new() { MapInboundClaims = false };
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool _cache;

    /// <summary>
    /// A case system sends the same token on every call for its lifetime: a token already
    /// validated is trusted again, without the signature check, until it expires or for at most
    /// <see cref="MaxCacheAge"/>, so that a revoked signing key stops working within that time.
    /// The benchmark measures what this saves (decision 4).
    /// </summary>
    private readonly ConcurrentDictionary<string, Validated> _validated = new(StringComparer.Ordinal);

    private sealed record Validated(ClaimsIdentity Identity, SecurityToken Token, DateTimeOffset Until);

    private static readonly TimeSpan MaxCacheAge = TimeSpan.FromMinutes(5);
    private const int MaxCachedTokens = 10_000;

    public RegionalTokenHandler(
        IOptions<RegionalAuthenticationOptions> options, IHttpClientFactory clients, TimeProvider time, ILogger<RegionalTokenHandler> logger)
    {
        var settings = options.Value;
        _time = time;
        _logger = logger;
        _cache = settings.CacheValidatedTokens;
        _metadata = new IssuerMetadata(
            MetadataAddress(settings), new DiscoveryDocumentRetriever(clients, settings.RequireHttpsMetadata), time, logger);
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = _time.GetUtcNow();
        if (_cache && _validated.TryGetValue(token, out var known) && known.Until > now)
        {
            return new TokenValidationResult { IsValid = true, ClaimsIdentity = known.Identity.Clone(), SecurityToken = known.Token };
        }

        var result = await ValidateSignedAsync(token, validationParameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            // The exception type says why without the token or its claims, which may be personal data.
            SecurityLog.TokenRejected(_logger, result.Exception?.GetType().Name ?? "unknown");
        }
        else if (_cache && result.SecurityToken is { } validated)
        {
            if (_validated.Count >= MaxCachedTokens)
            {
                _validated.Clear();
            }

            var expires = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            _validated[token] = new Validated(result.ClaimsIdentity.Clone(), validated, expires < now + MaxCacheAge ? expires : now + MaxCacheAge);
        }

        return result;
    }

    private async Task<TokenValidationResult> ValidateSignedAsync(string token, TokenValidationParameters parameters)
    {
        var configuration = await _metadata.GetAsync(CancellationToken.None).ConfigureAwait(false);
        var result = await _inner.ValidateTokenAsync(token, WithKeys(parameters, configuration)).ConfigureAwait(false);

        // An unknown key id usually means the issuer rotated its key: fetch the keys again now,
        // in this request, so that the first token signed with the new key is already accepted.
        // (JwtBearer's own RefreshOnIssuerKeyNotFound only asks for a refresh for later requests.)
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            var refreshed = await _metadata.RefreshAsync(configuration, CancellationToken.None).ConfigureAwait(false);
            if (!ReferenceEquals(refreshed, configuration))
                result = await _inner.ValidateTokenAsync(token, WithKeys(parameters, refreshed)).ConfigureAwait(false);
        }

        return result;
    }

    private static TokenValidationParameters WithKeys(TokenValidationParameters parameters, OpenIdConnectConfiguration configuration)
    {
        var withKeys = parameters.Clone();
        withKeys.IssuerSigningKeys = configuration.SigningKeys;
        return withKeys;
    }

    private static string MetadataAddress(RegionalAuthenticationOptions options) =>
        string.IsNullOrWhiteSpace(options.MetadataAddress)
            ? options.Authority.TrimEnd('/') + "/.well-known/openid-configuration"
            : options.MetadataAddress;
}
