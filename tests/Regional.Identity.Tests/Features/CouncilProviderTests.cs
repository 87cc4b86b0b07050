using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Regional.Identity.Tests.Infrastructure;

namespace Regional.Identity.Tests.Features;

public sealed class When_a_service_trusts_a_councils_own_OpenID_Connect_provider
{
    [Fact]
    public async Task Its_ES256_tokens_are_accepted_by_configuration_alone()
    {
        await using var council = await CouncilProvider.StartAsync();
        var key = CouncilProvider.NewKey();
        council.Publish(key);
        await using var api = await ProtectedApi.StartAsync(council.Issuer);

        using var response = await api.GetAsync("/whoami", council.Issue(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<Caller>(TestContext.Current.CancellationToken);
        Assert.NotNull(caller);
        Assert.Equal("derbyshire", caller.Authority);
        Assert.Equal(["cre-coordinator"], caller.Roles);
    }

    [Fact]
    public async Task A_rotated_key_is_picked_up_on_its_first_token_without_a_restart()
    {
        await using var council = await CouncilProvider.StartAsync();
        var oldKey = CouncilProvider.NewKey();
        council.Publish(oldKey);
        await using var api = await ProtectedApi.StartAsync(council.Issuer);
        using var beforeRotation = await api.GetAsync("/whoami", council.Issue(oldKey));
        Assert.Equal(HttpStatusCode.OK, beforeRotation.StatusCode);

        var newKey = CouncilProvider.NewKey();
        council.Publish(newKey);
        using var afterRotation = await api.GetAsync("/whoami", council.Issue(newKey));

        Assert.Equal(HttpStatusCode.OK, afterRotation.StatusCode);
        Assert.Equal(2, council.DiscoveryRequests);
    }

    [Fact]
    public async Task Unknown_key_ids_do_not_make_the_service_fetch_the_keys_on_every_request()
    {
        await using var council = await CouncilProvider.StartAsync();
        var key = CouncilProvider.NewKey();
        council.Publish(key);
        await using var api = await ProtectedApi.StartAsync(council.Issuer);

        for (var i = 0; i < 5; i++)
        {
            using var response = await api.GetAsync("/whoami", council.Issue(CouncilProvider.NewKey()));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // One fetch at first use and one refresh for the first unknown key id; the rest are throttled.
        Assert.Equal(2, council.DiscoveryRequests);
    }

    [Fact]
    public async Task After_the_throttle_interval_an_unknown_key_id_fetches_the_keys_again()
    {
        await using var council = await CouncilProvider.StartAsync();
        var first = CouncilProvider.NewKey();
        council.Publish(first);
        var clock = new AdjustableClock();
        await using var api = await ProtectedApi.StartAsync(ProtectedApi.Settings(council.Issuer), clock);
        using var _ = await api.GetAsync("/whoami", council.Issue(first));
        var second = CouncilProvider.NewKey();
        council.Publish(second);
        using var rotated = await api.GetAsync("/whoami", council.Issue(second));
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);

        var third = CouncilProvider.NewKey();
        council.Publish(third);
        using var throttled = await api.GetAsync("/whoami", council.Issue(third));
        clock.Offset = TimeSpan.FromSeconds(31);
        using var afterThrottle = await api.GetAsync("/whoami", council.Issue(third));

        Assert.Equal(HttpStatusCode.Unauthorized, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterThrottle.StatusCode);
        Assert.Equal(3, council.DiscoveryRequests);
    }

    [Fact]
    public async Task The_keys_are_fetched_again_after_an_hour_and_kept_if_the_issuer_is_then_down()
    {
        await using var council = await CouncilProvider.StartAsync();
        var key = CouncilProvider.NewKey();
        council.Publish(key);
        var clock = new AdjustableClock();
        await using var api = await ProtectedApi.StartAsync(ProtectedApi.Settings(council.Issuer), clock);
        var token = council.Issue(key);
        using var _ = await api.GetAsync("/whoami", token);

        clock.Offset = TimeSpan.FromMinutes(61);
        using var refreshed = await api.GetAsync("/whoami", token);
        Assert.Equal(2, council.DiscoveryRequests);

        council.Unavailable = true;
        clock.Offset = TimeSpan.FromMinutes(122);
        using var stale = await api.GetAsync("/whoami", token);
        using var again = await api.GetAsync("/whoami", token);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // The failed attempt is not repeated on every request.
        Assert.Equal(3, council.DiscoveryRequests);
    }
}

public sealed class When_a_service_is_misconfigured
{
    [Theory]
    [InlineData("Authentication:Authority", null, "Authentication:Authority is required")]
    [InlineData("Authentication:Authority", "identity.example", "Authentication:Authority must be an absolute http(s) URL")]
    [InlineData("Authentication:RequireHttpsMetadata", "true", "Authentication:Authority must use https unless Authentication:RequireHttpsMetadata is false")]
    [InlineData("Authentication:MetadataAddress", "not a url", "Authentication:MetadataAddress must be an absolute http(s) URL")]
    [InlineData("Authentication:Audience", "", "Authentication:Audience must not be empty")]
    [InlineData("Authentication:ValidAlgorithms:0", "HS256", "Authentication:ValidAlgorithms contains 'HS256'")]
    [InlineData("Authentication:ClockSkew", "00:10:00", "Authentication:ClockSkew must be between")]
    public async Task It_refuses_to_start_and_names_the_setting(string key, string? value, string expected)
    {
        var settings = ProtectedApi.Settings("http://127.0.0.1:9");
        settings[key] = value;
        if (value is null)
            settings.Remove(key);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ProtectedApi.StartAsync(settings));

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_https_authority_with_the_default_settings_starts()
    {
        var settings = ProtectedApi.Settings("https://identity.invalid");
        settings.Remove("Authentication:RequireHttpsMetadata");

        await using var api = await ProtectedApi.StartAsync(settings);
    }

    [Fact]
    public async Task An_unreachable_issuer_lets_no_request_through_and_says_to_retry()
    {
        await using var api = await ProtectedApi.StartAsync($"http://127.0.0.1:{LoopbackApp.FreePort()}");

        using var response = await api.GetAsync("/whoami", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

        // Not 401: the token is not at fault, and a caller told so would fetch new tokens for nothing.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }
}
