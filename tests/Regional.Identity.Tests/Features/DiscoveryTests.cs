using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Regional.Identity.Tests.Infrastructure;

namespace Regional.Identity.Tests.Features;

public sealed class When_a_relying_party_reads_the_discovery_document(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityService _identity = fixture.Identity;

    [Fact]
    public async Task It_names_the_issuer_and_endpoints_under_the_issuer_URL()
    {
        using var response = await _identity.Http.GetAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        Assert.Equal(_identity.Issuer, document.GetProperty("issuer").GetString());
        Assert.Equal(_identity.Issuer + "/.well-known/jwks", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(_identity.Issuer + "/connect/token", document.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task It_advertises_what_the_token_endpoint_supports()
    {
        using var response = await _identity.Http.GetAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken);
        var document = await response.JsonAsync();

        string[] Strings(string name) => document.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(["authorization_code", "client_credentials", "refresh_token"], Strings("grant_types_supported").Order());
        Assert.Equal(["client_secret_basic", "client_secret_post"], Strings("token_endpoint_auth_methods_supported").Order());
        Assert.Equal(["RS256"], Strings("id_token_signing_alg_values_supported"));
        Assert.Equal(["public"], Strings("subject_types_supported"));
        Assert.Equal(["code"], Strings("response_types_supported"));
        Assert.Equal(["S256"], Strings("code_challenge_methods_supported"));
        Assert.Superset(new HashSet<string> { "openid", "offline_access", "regional" }, Strings("scopes_supported").ToHashSet());
        Assert.Superset(new HashSet<string> { "sub", "client_id", "name", "role", "authority", "force" }, Strings("claims_supported").ToHashSet());
    }

    [Fact]
    public async Task It_names_the_endpoints_for_people_signing_in_and_out()
    {
        using var response = await _identity.Http.GetAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken);
        var document = await response.JsonAsync();

        Assert.Equal(_identity.Issuer + "/connect/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(_identity.Issuer + "/connect/endsession", document.GetProperty("end_session_endpoint").GetString());
    }

    [Fact]
    public async Task The_published_key_verifies_the_tokens_and_holds_no_private_part()
    {
        var token = await _identity.ClientTokenAsync();
        using var response = await _identity.Http.GetAsync("/.well-known/jwks", TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var key = (await response.JsonAsync()).GetProperty("keys").EnumerateArray().Single();
        Assert.Equal(["alg", "e", "kid", "kty", "n", "use"], key.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(json).GetSigningKeys(),
            ValidIssuer = _identity.Issuer,
            ValidAudience = "regional",
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }
}

public sealed class When_the_signing_key_comes_from_a_PEM_file : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("regional-identity-").FullName;

    [Fact]
    public async Task Every_instance_publishes_the_same_key_id_and_accepts_the_others_tokens()
    {
        var pem = WritePem(RSA.Create(2048));

        string firstToken;
        string firstKid;
        await using (var first = await IdentityService.StartAsync(s => s["Identity:SigningKeyPath"] = pem))
        {
            firstToken = await first.ClientTokenAsync();
            firstKid = Tokens.Header(firstToken).GetProperty("kid").GetString()!;
        }

        // Started after the first was disposed: a signature provider cached with the first
        // instance's (now disposed) RSA object would make this token request fail.
        await using var second = await IdentityService.StartAsync(s => s["Identity:SigningKeyPath"] = pem);
        var secondToken = await second.ClientTokenAsync();

        Assert.Equal(firstKid, Tokens.Header(secondToken).GetProperty("kid").GetString());
        using var jwks = await second.Http.GetAsync("/.well-known/jwks", TestContext.Current.CancellationToken);
        var keys = new JsonWebKeySet(await jwks.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).GetSigningKeys();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(firstToken, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidateIssuer = false,
            ValidAudience = "regional",
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task A_file_without_a_private_RSA_key_stops_the_start()
    {
        using var rsa = RSA.Create(2048);
        var publicOnly = Path.Combine(_folder, "public.pem");
        await File.WriteAllTextAsync(publicOnly, rsa.ExportSubjectPublicKeyInfoPem(), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => IdentityService.StartAsync(s => s["Identity:SigningKeyPath"] = publicOnly));

        Assert.Contains("Identity:SigningKeyPath", error.Message);
    }

    [Fact]
    public async Task A_key_shorter_than_2048_bits_stops_the_start()
    {
        var pem = WritePem(RSA.Create(1024));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => IdentityService.StartAsync(s => s["Identity:SigningKeyPath"] = pem));

        Assert.Contains("1024-bit", error.Message);
    }

    private string WritePem(RSA rsa)
    {
        using (rsa)
        {
            var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.pem");
            File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
            return path;
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>Behind the gateway the issuer is <c>http://gateway/identity</c>, and the prefix is removed before requests arrive.</summary>
public sealed class When_the_issuer_has_a_path_prefix
{
    [Fact]
    public async Task The_endpoints_are_advertised_under_it_and_still_answer_without_it()
    {
        await using var identity = await IdentityService.StartAsync(s => s["Identity:Issuer"] += "/identity");
        var issuer = identity.Issuer + "/identity";

        using var discovery = await identity.Http.GetAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken);
        var document = await discovery.JsonAsync();
        var token = await identity.ClientTokenAsync();

        Assert.Equal(issuer, document.GetProperty("issuer").GetString());
        Assert.Equal(issuer + "/connect/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal(issuer + "/connect/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(issuer + "/.well-known/jwks", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(issuer, Tokens.Payload(token).GetProperty("iss").GetString());
    }
}
