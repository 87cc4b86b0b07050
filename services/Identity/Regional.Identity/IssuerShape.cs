using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Regional.Identity;

// OpenIddict keeps the issuer as a Uri, whose text gains a trailing slash when the URL has no
// path ("http://127.0.0.1:5100/"). The region has always used Identity:Issuer exactly as
// configured, and relying parties compare iss with the discovery issuer as strings: both are
// written as configured. Codes and refresh tokens, which only OpenIddict reads, keep its form.

/// <summary>Access and identity tokens: <c>iss</c> exactly as configured, and an <c>nbf</c>.</summary>
internal sealed class ShapeIssuedToken(IOptions<IdentityServiceOptions> options) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<ShapeIssuedToken>()
            .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType is not (TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken)
            || context.SecurityTokenDescriptor is not { } descriptor)
            return default;

        descriptor.Issuer = options.Value.Issuer;
        // Without nbf a validator has nothing to refuse a token dated in the future by.
        descriptor.NotBefore ??= descriptor.IssuedAt;
        return default;
    }
}

internal sealed class ShapeDiscoveryDocument(IOptions<IdentityServiceOptions> options) : IOpenIddictServerHandler<ApplyConfigurationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyConfigurationResponseContext>()
            .UseSingletonHandler<ShapeDiscoveryDocument>()
            // Before the ASP.NET Core host writes the document out.
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyConfigurationResponseContext context)
    {
        if (context.Response.Error is not null)
            return default;
        // OpenIddict writes endpoint addresses under the address the request came to; behind the
        // gateway that is this service's own address, without the /identity prefix that clients
        // need. They are written under the issuer instead, as relying parties expect.
        if (context.BaseUri?.AbsoluteUri is { } requestBase)
        {
            var issuerBase = options.Value.Issuer.TrimEnd('/') + "/";
            foreach (var (name, value) in context.Response.GetParameters().ToList())
            {
                if ((string?)value is { } text && text.StartsWith(requestBase, StringComparison.Ordinal))
                    context.Response[name] = issuerBase + text[requestBase.Length..];
            }
        }

        context.Response[Metadata.Issuer] = options.Value.Issuer;

        // The dev sign-in grant is reached through POST /dev/sign-in, not advertised to clients.
        if ((ImmutableArray<string?>?)context.Response[Metadata.GrantTypesSupported] is { } grants)
            context.Response[Metadata.GrantTypesSupported] = new OpenIddictParameter(
                grants.Where(g => g != DevSignInEndpoints.GrantType).ToImmutableArray());
        return default;
    }
}

/// <summary>The RFC 9207 <c>iss</c> of an authorization response must equal the discovery issuer.</summary>
internal sealed class ShapeAuthorizationResponseIssuer(IOptions<IdentityServiceOptions> options)
    : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseSingletonHandler<ShapeAuthorizationResponseIssuer>()
            .SetOrder(OpenIddictServerHandlers.Authentication.AttachIssuer.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        if (context.Response.Iss is not null)
            context.Response.Iss = options.Value.Issuer;
        return default;
    }
}
