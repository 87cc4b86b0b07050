using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Regional.Identity.Tests.Infrastructure;

namespace Regional.Identity.Tests.Features;

/// <summary>
/// A running identity service (signing with a PEM key, so that a second issuer can share
/// it) and two services protected by Regional.Security that know it only by its URL.
/// </summary>
public sealed class ValidationFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("regional-validation-").FullName;

    public string KeyPath => Path.Combine(_folder, "signing.pem");

    public IdentityService Identity { get; private set; } = null!;

    public ProtectedApi Api { get; private set; } = null!;

    public ProtectedApi OtherAudienceApi { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using (var rsa = RSA.Create(2048))
            await File.WriteAllTextAsync(KeyPath, rsa.ExportPkcs8PrivateKeyPem());
        Identity = await IdentityService.StartAsync(s => s["Identity:SigningKeyPath"] = KeyPath);
        Api = await ProtectedApi.StartAsync(Identity.Issuer);
        OtherAudienceApi = await ProtectedApi.StartAsync(Identity.Issuer, audience: "another-api");
    }

    public async ValueTask DisposeAsync()
    {
        await OtherAudienceApi.DisposeAsync();
        await Api.DisposeAsync();
        await Identity.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class When_a_service_receives_a_token_from_the_identity_service(ValidationFixture fixture) : IClassFixture<ValidationFixture>
{
    private readonly IdentityService _identity = fixture.Identity;
    private readonly ProtectedApi _api = fixture.Api;

    [Fact]
    public async Task A_client_token_is_accepted_and_the_service_sees_its_authority_and_role()
    {
        using var response = await _api.GetAsync("/whoami", await _identity.ClientTokenAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<Caller>(TestContext.Current.CancellationToken);
        Assert.NotNull(caller);
        Assert.Equal("nottingham-city", caller.Authority);
        Assert.Null(caller.Force);
        Assert.Equal(["system"], caller.Roles);
        Assert.Equal(IdentityService.CouncilClient, caller.Subject);
        Assert.Equal(IdentityService.CouncilClient, caller.IdentityName);
        Assert.Equal(IdentityService.CouncilClient, caller.ClientId);
        Assert.False(caller.IsInRolePolice);
        Assert.False(caller.IsPractitionerOrCoordinator);
    }

    [Fact]
    public async Task A_demo_users_token_is_accepted_with_name_authority_and_role()
    {
        using var response = await _api.GetAsync("/whoami", await _identity.UserTokenAsync(IdentityService.Practitioner));

        var caller = await response.Content.ReadFromJsonAsync<Caller>(TestContext.Current.CancellationToken);
        Assert.NotNull(caller);
        Assert.Equal(IdentityService.Practitioner, caller.Subject);
        Assert.Equal("Demo practitioner", caller.Name);
        Assert.Equal("nottingham-city", caller.Authority);
        Assert.True(caller.IsPractitionerOrCoordinator);
    }

    [Fact]
    public async Task A_police_token_passes_a_police_only_endpoint_and_the_service_sees_the_force()
    {
        var token = await _identity.ClientTokenAsync(IdentityService.PoliceClient);

        using var policeOnly = await _api.GetAsync("/police-only", token);
        using var whoami = await _api.GetAsync("/whoami", token);

        Assert.Equal(HttpStatusCode.OK, policeOnly.StatusCode);
        var caller = await whoami.Content.ReadFromJsonAsync<Caller>(TestContext.Current.CancellationToken);
        Assert.Equal("derbyshire-police", caller?.Force);
        Assert.True(caller?.IsInRolePolice);
    }

    [Fact]
    public async Task A_valid_token_without_the_required_role_is_forbidden_not_challenged()
    {
        using var response = await _api.GetAsync("/police-only", await _identity.UserTokenAsync(IdentityService.Practitioner));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task A_request_without_a_token_is_challenged_for_a_bearer_token()
    {
        using var response = await _api.GetAsync("/whoami", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Null(challenge.Parameter);
    }
}

public sealed class When_a_service_receives_a_token_it_must_not_trust(ValidationFixture fixture) : IClassFixture<ValidationFixture>
{
    private readonly ValidationFixture _fixture = fixture;
    private readonly IdentityService _identity = fixture.Identity;
    private readonly ProtectedApi _api = fixture.Api;

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await TokenIssuedAgo(TimeSpan.FromHours(2));

        await AssertRefused(await _api.GetAsync("/whoami", token), "expired");
    }

    [Fact]
    public async Task A_token_just_past_expiry_is_accepted_within_the_clock_skew_and_refused_beyond_it()
    {
        var withinSkew = await TokenIssuedAgo(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(10));
        var beyondSkew = await TokenIssuedAgo(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(45));

        using var accepted = await _api.GetAsync("/whoami", withinSkew);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await AssertRefused(await _api.GetAsync("/whoami", beyondSkew), "expired");
    }

    [Fact]
    public async Task A_token_not_valid_yet_is_refused()
    {
        var token = await TokenIssuedAgo(-TimeSpan.FromMinutes(5));

        await AssertRefused(await _api.GetAsync("/whoami", token), "not valid yet");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var token = await _identity.ClientTokenAsync();

        using var rightAudience = await _api.GetAsync("/whoami", token);
        Assert.Equal(HttpStatusCode.OK, rightAudience.StatusCode);
        await AssertRefused(await _fixture.OtherAudienceApi.GetAsync("/whoami", token), "audience");
    }

    [Fact]
    public async Task A_token_from_another_issuer_with_the_same_key_is_refused()
    {
        await using var impostor = await IdentityService.StartAsync(s => s["Identity:SigningKeyPath"] = _fixture.KeyPath);
        var token = await impostor.ClientTokenAsync();

        await AssertRefused(await _api.GetAsync("/whoami", token), "untrusted issuer");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_the_published_key_id_is_refused()
    {
        var genuine = await _identity.ClientTokenAsync();
        var kid = Tokens.Header(genuine).GetProperty("kid").GetString();
        using var otherKey = RSA.Create(2048);

        var forged = Forgery.SignRs256(Forgery.Header("RS256", kid), Forgery.PayloadSegment(genuine), otherKey);

        await AssertRefused(await _api.GetAsync("/whoami", forged), "error_description=\"The token is invalid\"");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_an_unknown_key_id_is_refused()
    {
        var genuine = await _identity.ClientTokenAsync();
        using var otherKey = RSA.Create(2048);

        var forged = Forgery.SignRs256(Forgery.Header("RS256", "someone-elses-key"), Forgery.PayloadSegment(genuine), otherKey);

        await AssertRefused(await _api.GetAsync("/whoami", forged), "error_description=\"The token is invalid\"");
    }

    [Fact]
    public async Task A_token_whose_claims_were_altered_after_signing_is_refused()
    {
        var genuine = await _identity.ClientTokenAsync();
        var parts = genuine.Split('.');
        var payload = Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        var altered = Forgery.Encode(payload.Replace("nottingham-city", "derby-city", StringComparison.Ordinal));

        await AssertRefused(await _api.GetAsync("/whoami", $"{parts[0]}.{altered}.{parts[2]}"), "error_description=\"The token is invalid\"");
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var genuine = await _identity.ClientTokenAsync();

        await AssertRefused(await _api.GetAsync("/whoami", Forgery.Unsigned(Forgery.PayloadSegment(genuine))), null);
    }

    [Fact]
    public async Task A_token_signed_with_HS256_using_the_public_key_as_secret_is_refused()
    {
        var genuine = await _identity.ClientTokenAsync();
        var kid = Tokens.Header(genuine).GetProperty("kid").GetString();
        using var jwks = await _identity.Http.GetAsync("/.well-known/jwks", TestContext.Current.CancellationToken);
        var publicJwk = Encoding.UTF8.GetBytes(await jwks.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var forged = Forgery.SignHs256(Forgery.Header("HS256", kid), Forgery.PayloadSegment(genuine), publicJwk);

        await AssertRefused(await _api.GetAsync("/whoami", forged), null);
    }

    [Fact]
    public async Task A_token_signed_by_the_genuine_key_with_an_algorithm_not_accepted_is_refused()
    {
        var genuine = await _identity.ClientTokenAsync();
        var kid = Tokens.Header(genuine).GetProperty("kid").GetString();
        using var genuineKey = RSA.Create();
        genuineKey.ImportFromPem(await File.ReadAllTextAsync(_fixture.KeyPath, TestContext.Current.CancellationToken));

        var rs256 = Forgery.SignRsa(Forgery.Header("RS256", kid), Forgery.PayloadSegment(genuine), genuineKey, HashAlgorithmName.SHA256);
        var rs384 = Forgery.SignRsa(Forgery.Header("RS384", kid), Forgery.PayloadSegment(genuine), genuineKey, HashAlgorithmName.SHA384);

        using var control = await _api.GetAsync("/whoami", rs256);
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        // A disallowed algorithm is told apart from no other forgery.
        await AssertRefused(await _api.GetAsync("/whoami", rs384), "error_description=\"The token is invalid\"");
    }

    [Fact]
    public async Task Garbage_is_refused()
    {
        await AssertRefused(await _api.GetAsync("/whoami", "not-a-jwt"), "malformed");
    }

    [Fact]
    public async Task No_token_reaches_either_services_log()
    {
        var token = await _identity.UserTokenAsync(IdentityService.PoliceOfficer);
        using var ok = await _api.GetAsync("/whoami", token);
        using var refused = await _fixture.OtherAudienceApi.GetAsync("/whoami", token);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains(_fixture.OtherAudienceApi.Logs.Lines, l => l.Contains("Bearer token rejected: SecurityTokenInvalidAudienceException"));
        var signature = token.Split('.')[2];
        var lines = _identity.Logs.Lines.Concat(_api.Logs.Lines).Concat(_fixture.OtherAudienceApi.Logs.Lines).ToList();
        Assert.DoesNotContain(lines, l => l.Contains(signature) || l.Contains("eyJ") || l.Contains(IdentityService.Secret));
    }

    private async Task<string> TokenIssuedAgo(TimeSpan ago)
    {
        _identity.Clock.Offset = -ago;
        try
        {
            return await _identity.ClientTokenAsync();
        }
        finally
        {
            _identity.Clock.Offset = TimeSpan.Zero;
        }
    }

    private static async Task AssertRefused(HttpResponseMessage response, string? why)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var challenge = Assert.Single(response.Headers.WwwAuthenticate);
            Assert.Equal("Bearer", challenge.Scheme);
            Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
            if (why is not null)
                Assert.True(challenge.Parameter!.Contains(why), challenge.Parameter);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }
    }
}
