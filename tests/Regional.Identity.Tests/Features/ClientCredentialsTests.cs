using System.Net;
using System.Text.Json;
using Regional.Identity.Tests.Infrastructure;

namespace Regional.Identity.Tests.Features;

public sealed class When_a_client_presents_valid_credentials(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityService _identity = fixture.Identity;

    [Fact]
    public async Task It_receives_a_signed_token_naming_its_authority()
    {
        using var response = await _identity.Http.RequestWithFormSecretAsync(IdentityService.CouncilClient, IdentityService.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        // Seconds left when the response was written, rounded down by OpenIddict.
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 3595, 3600);
        var payload = Tokens.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal("nottingham-city", payload.GetProperty("authority").GetString());
        Assert.False(payload.TryGetProperty("force", out _));
        Assert.Equal(IdentityService.CouncilClient, payload.GetProperty("sub").GetString());
        Assert.Equal(IdentityService.CouncilClient, payload.GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task It_can_authenticate_with_HTTP_Basic_instead()
    {
        using var response = await _identity.Http.RequestWithBasicAsync(IdentityService.PoliceClient, IdentityService.Secret);

        var payload = Tokens.Payload(await Tokens.AccessTokenAsync(response));
        Assert.Equal("derbyshire-police", payload.GetProperty("force").GetString());
        Assert.False(payload.TryGetProperty("authority", out _));
    }

    [Fact]
    public async Task Its_roles_are_an_array_even_when_there_is_one()
    {
        var payload = Tokens.Payload(await _identity.ClientTokenAsync(IdentityService.PoliceClient));

        var roles = payload.GetProperty("role");
        Assert.Equal(JsonValueKind.Array, roles.ValueKind);
        Assert.Equal(["police"], roles.EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_token_header_names_the_published_key_and_the_access_token_type()
    {
        var header = Tokens.Header(await _identity.ClientTokenAsync());
        using var jwks = await _identity.Http.GetAsync("/.well-known/jwks", TestContext.Current.CancellationToken);
        var publishedKid = (await jwks.JsonAsync()).GetProperty("keys")[0].GetProperty("kid").GetString();

        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal(publishedKid, header.GetProperty("kid").GetString());
    }

    [Fact]
    public async Task The_token_carries_the_registered_claims_and_expires_after_the_configured_lifetime()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var first = Tokens.Payload(await _identity.ClientTokenAsync());
        var second = Tokens.Payload(await _identity.ClientTokenAsync());
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Assert.Equal(_identity.Issuer, first.GetProperty("iss").GetString());
        Assert.Equal("regional", first.GetProperty("aud").GetString());
        var issuedAt = first.GetProperty("iat").GetInt64();
        Assert.InRange(issuedAt, before, after);
        Assert.Equal(issuedAt, first.GetProperty("nbf").GetInt64());
        Assert.Equal(issuedAt + 3600, first.GetProperty("exp").GetInt64());
        Assert.NotEqual(first.GetProperty("jti").GetString(), second.GetProperty("jti").GetString());
    }

    [Fact]
    public async Task The_response_must_not_be_cached()
    {
        using var response = await _identity.Http.RequestWithFormSecretAsync(IdentityService.CouncilClient, IdentityService.Secret);

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
    }
}

public sealed class When_a_client_presents_a_wrong_secret(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityService _identity = fixture.Identity;

    [Fact]
    public async Task It_is_refused_with_invalid_client_and_401()
    {
        using var response = await _identity.Http.RequestWithFormSecretAsync(IdentityService.CouncilClient, "not-the-secret");

        await AssertInvalidClient(response);
    }

    [Fact]
    public async Task It_is_refused_the_same_way_over_HTTP_Basic()
    {
        using var response = await _identity.Http.RequestWithBasicAsync(IdentityService.CouncilClient, "not-the-secret");

        await AssertInvalidClient(response);
    }

    [Fact]
    public async Task An_unknown_client_is_refused_the_same_way()
    {
        using var response = await _identity.Http.RequestWithFormSecretAsync("someone-else", IdentityService.Secret);

        await AssertInvalidClient(response);
    }

    [Fact]
    public async Task A_request_without_credentials_is_refused_the_same_way()
    {
        using var response = await _identity.Http.PostFormAsync([new("grant_type", "client_credentials")]);

        await AssertInvalidClient(response);
    }

    [Fact]
    public async Task A_secret_differing_only_in_case_or_length_is_refused()
    {
        using var upper = await _identity.Http.RequestWithFormSecretAsync(IdentityService.CouncilClient, IdentityService.Secret.ToUpperInvariant());
        using var longer = await _identity.Http.RequestWithFormSecretAsync(IdentityService.CouncilClient, IdentityService.Secret + "x");

        await AssertInvalidClient(upper);
        await AssertInvalidClient(longer);
    }

    [Fact]
    public async Task The_refusal_says_nothing_about_which_part_was_wrong()
    {
        using var wrongSecret = await _identity.Http.RequestWithFormSecretAsync(IdentityService.CouncilClient, "not-the-secret");
        using var unknownClient = await _identity.Http.RequestWithFormSecretAsync("someone-else", IdentityService.Secret);
        using var noCredentials = await _identity.Http.PostFormAsync([new("grant_type", "client_credentials")]);

        var bodies = new List<string>();
        foreach (var response in new[] { wrongSecret, unknownClient, noCredentials })
            bodies.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Single(bodies.Distinct());
        Assert.DoesNotContain("secret", bodies[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(IdentityService.CouncilClient, bodies[0]);
    }

    [Fact]
    public async Task Neither_the_secret_nor_an_unknown_client_id_reaches_the_log()
    {
        using var wrong = await _identity.Http.RequestWithFormSecretAsync(IdentityService.CouncilClient, "wrong-secret-7731");
        using var unknown = await _identity.Http.RequestWithFormSecretAsync("unknown-client-5519", IdentityService.Secret);

        Assert.Contains(_identity.Logs.Lines, l => l.Contains("Client authentication failed for " + IdentityService.CouncilClient));
        Assert.DoesNotContain(_identity.Logs.Lines, l => l.Contains("wrong-secret-7731") || l.Contains("unknown-client-5519"));
    }

    private static async Task AssertInvalidClient(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var body = await response.JsonAsync();
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }
}

public sealed class When_a_client_sends_a_request_the_token_endpoint_does_not_accept(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityService _identity = fixture.Identity;

    [Fact]
    public async Task An_unsupported_grant_is_refused_with_unsupported_grant_type()
    {
        using var response = await _identity.Http.PostFormAsync(
            [new("grant_type", "password"), new("username", "x"), new("password", "y")],
            Tokens.Basic(IdentityService.CouncilClient, IdentityService.Secret));

        await AssertError(response, HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Fact]
    public async Task A_missing_grant_type_is_an_invalid_request()
    {
        using var response = await _identity.Http.PostFormAsync(
            [new("client_id", IdentityService.CouncilClient), new("client_secret", IdentityService.Secret)]);

        await AssertError(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task A_JSON_body_is_an_invalid_request()
    {
        using var response = await _identity.Http.PostAsync("/connect/token",
            new StringContent("""{"grant_type":"client_credentials"}""", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        await AssertError(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task A_repeated_parameter_is_an_invalid_request()
    {
        using var response = await _identity.Http.PostFormAsync(
        [
            new("grant_type", "client_credentials"), new("client_id", IdentityService.CouncilClient),
            new("client_secret", IdentityService.Secret), new("client_secret", "another"),
        ]);

        await AssertError(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Two_authentication_methods_at_once_are_an_invalid_request()
    {
        using var response = await _identity.Http.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_secret", IdentityService.Secret)],
            Tokens.Basic(IdentityService.CouncilClient, IdentityService.Secret));

        await AssertError(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task An_unknown_scope_is_refused_and_the_known_one_is_granted()
    {
        using var unknown = await _identity.Http.PostFormAsync(
            [new("grant_type", "client_credentials"), new("scope", "admin")],
            Tokens.Basic(IdentityService.CouncilClient, IdentityService.Secret));
        using var known = await _identity.Http.PostFormAsync(
            [new("grant_type", "client_credentials"), new("scope", "regional")],
            Tokens.Basic(IdentityService.CouncilClient, IdentityService.Secret));

        await AssertError(unknown, HttpStatusCode.BadRequest, "invalid_scope");
        Assert.Equal("regional", Tokens.Payload(await Tokens.AccessTokenAsync(known)).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_GET_is_not_allowed()
    {
        using var response = await _identity.Http.GetAsync("/connect/token?grant_type=client_credentials", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
