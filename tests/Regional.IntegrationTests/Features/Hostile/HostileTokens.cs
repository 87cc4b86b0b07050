using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Regional.IntegrationTests.Infrastructure;
using Regional.ServiceDefaults;

namespace Regional.IntegrationTests.Features.Hostile;

/// <summary>
/// The region with the identity service signing with a key the test holds, so that a test can
/// make tokens the identity service would never issue (expired, for another audience or issuer)
/// yet signed by the real key: each is then refused for what is wrong with it, not for its signature.
/// </summary>
public sealed class TokenRegion : RegionFixture
{
    private readonly string _keyPath = Path.Combine(Path.GetTempPath(), $"regional-hostile-{Guid.NewGuid():N}.pem");

    public TokenRegion()
    {
        SigningKey = RSA.Create(2048);
        File.WriteAllText(_keyPath, SigningKey.ExportPkcs8PrivateKeyPem());
    }

    public RSA SigningKey { get; }

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Identity:SigningKeyPath", _keyPath)];
}

/// <summary>
/// Tokens a caller should not hold, through the gateway and straight at a service: every one is a
/// 401 (or a 403 for a good token on another's route), and neither body nor headers say anything
/// that helps someone forging them: no exception text, no key id, no word of keys or signatures.
/// </summary>
public sealed class When_a_caller_presents_a_token_it_should_not_hold(TokenRegion fixture) : IClassFixture<TokenRegion>
{
    private static readonly string[] Telltales = ["signature", "key", "kid", "IDX", "Exception", "alg", "at System.", "Microsoft.IdentityModel"];

    public static TheoryData<string, string> Unauthenticated => new()
    {
        { "expired", "gateway" }, { "expired", "service" },
        { "not-yet-valid", "gateway" }, { "not-yet-valid", "service" },
        { "signed-by-another-key-under-the-real-kid", "gateway" }, { "signed-by-another-key-under-the-real-kid", "service" },
        { "claims-altered-after-signing", "gateway" }, { "claims-altered-after-signing", "service" },
        { "alg-none", "gateway" }, { "alg-none", "service" },
        { "wrong-issuer", "gateway" }, { "wrong-issuer", "service" },
        { "wrong-audience", "gateway" }, { "wrong-audience", "service" },
        { "no-expiry", "gateway" }, { "no-expiry", "service" },
        { "garbage", "gateway" }, { "garbage", "service" },
    };

    public static TheoryData<string, string> Forbidden => new()
    {
        { "derby-city.practitioner", "gateway" }, { "derby-city.practitioner", "service" },
        { "derbyshire-police.officer", "gateway" }, { "derbyshire-police.officer", "service" },
        { "regional.coordinator", "gateway" }, { "regional.coordinator", "service" },
    };

    [Fact]
    public async Task A_token_made_with_the_identity_key_and_valid_claims_is_accepted_so_each_refusal_is_for_its_flaw()
    {
        var (header, payload) = await Genuine("nottingham-city.practitioner");
        var token = Sign(header, payload, fixture.SigningKey);

        foreach (var route in new[] { "gateway", "service" })
        {
            using var response = await Get(route, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Unauthenticated))]
    public async Task A_bad_token_is_a_401_that_tells_nothing_about_why_its_forgery_failed(string flaw, string route)
    {
        var token = await Flawed(flaw);

        using var response = await Get(route, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertTellsNothing(response, token);
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task A_valid_token_on_another_authoritys_route_is_a_403_that_tells_nothing_more(string userName, string route)
    {
        using var signedIn = await fixture.SignedInAs(userName);
        var token = signedIn.DefaultRequestHeaders.Authorization!.Parameter!;

        using var response = await Get(route, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertTellsNothing(response, token);
    }

    [Fact]
    public async Task A_council_token_at_a_police_inbox_is_a_403_at_the_gateway_and_at_the_alerts_service()
    {
        using var signedIn = await fixture.SignedInAs("nottingham-city.practitioner");
        var token = signedIn.DefaultRequestHeaders.Authorization!.Parameter!;

        foreach (var baseAddress in new[] { fixture.Region.GatewayUrl + "police/", fixture.Region.AlertsServiceUrl.ToString() })
        {
            using var client = RegionFixture.WithToken(new HttpClient { BaseAddress = new Uri(baseAddress) }, token);
            using var response = await client.GetAsync("derbyshire-police/alerts");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            await AssertTellsNothing(response, token);
        }
    }

    /// <summary>A read of Nottingham City's placements, through the gateway or straight at its placement service.</summary>
    private async Task<HttpResponseMessage> Get(string route, string token)
    {
        var (baseAddress, path) = route == "gateway"
            ? (fixture.Region.GatewayUrl, "/nottingham-city/placements")
            : (new Uri($"http://127.0.0.1:{fixture.Region.PlacementPorts["nottingham-city"]}"), "/placements");
        using var client = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        return await client.SendAsync(request);
    }

    private async Task<string> Flawed(string flaw)
    {
        var (header, payload) = await Genuine("nottingham-city.practitioner");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (flaw)
        {
            case "expired":
                (payload["iat"], payload["nbf"], payload["exp"]) = (now - 7200, now - 7200, now - 3600);
                return Sign(header, payload, fixture.SigningKey);
            case "not-yet-valid":
                (payload["iat"], payload["nbf"], payload["exp"]) = (now + 600, now + 600, now + 4200);
                return Sign(header, payload, fixture.SigningKey);
            case "signed-by-another-key-under-the-real-kid":
                using (var other = RSA.Create(2048))
                {
                    return Sign(header, payload, other);
                }

            case "claims-altered-after-signing":
                var genuine = Sign(header, payload, fixture.SigningKey).Split('.');
                payload["authority"] = "derby-city";
                return $"{genuine[0]}.{Encode(payload.ToJsonString())}.{genuine[2]}";
            case "alg-none":
                header["alg"] = "none";
                header.Remove("kid");
                return $"{Encode(header.ToJsonString())}.{Encode(payload.ToJsonString())}.";
            case "wrong-issuer":
                payload["iss"] = "http://127.0.0.1:1/";
                return Sign(header, payload, fixture.SigningKey);
            case "wrong-audience":
                payload["aud"] = "another-api";
                return Sign(header, payload, fixture.SigningKey);
            case "no-expiry":
                payload.Remove("exp");
                return Sign(header, payload, fixture.SigningKey);
            case "garbage":
                return "eyJhbGciOiJSUzI1NiJ9.not-a-token";
            default:
                throw new ArgumentOutOfRangeException(nameof(flaw), flaw, null);
        }
    }

    /// <summary>The header and claims of a token the identity service issued, to be re-signed as they are or changed.</summary>
    private async Task<(JsonObject Header, JsonObject Payload)> Genuine(string userName)
    {
        using var signedIn = await fixture.SignedInAs(userName);
        var parts = signedIn.DefaultRequestHeaders.Authorization!.Parameter!.Split('.');
        return (JsonNode.Parse(Decode(parts[0]))!.AsObject(), JsonNode.Parse(Decode(parts[1]))!.AsObject());
    }

    private static async Task AssertTellsNothing(HttpResponseMessage response, string token)
    {
        var body = await response.Content.ReadAsStringAsync();
        var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        var kid = token.Split('.') is [var h, ..] && TryHeader(h) is { } header ? header["kid"]?.GetValue<string>() : null;
        foreach (var text in new[] { body, headers })
        {
            foreach (var telltale in Telltales.Append(kid).OfType<string>())
            {
                Assert.False(text.Contains(telltale, StringComparison.OrdinalIgnoreCase), $"'{telltale}' in the answer:\n{headers}\n{body}");
            }

            Assert.DoesNotContain(token.Split('.')[0], text, StringComparison.Ordinal);
        }

        if (body.Length > 0)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static JsonObject? TryHeader(string segment)
    {
        try
        {
            return JsonNode.Parse(Decode(segment)) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Sign(JsonObject header, JsonObject payload, RSA key)
    {
        var input = $"{Encode(header.ToJsonString())}.{Encode(payload.ToJsonString())}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{input}.{Encode(signature)}";
    }

    private static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Decode(string segment)
    {
        var padded = segment.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}
