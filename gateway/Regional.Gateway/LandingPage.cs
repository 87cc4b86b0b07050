using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Regional.Region;

namespace Regional.Gateway;

/// <summary>
/// <c>GET /</c>: a page for someone who opens the gateway in a browser, saying what it is and
/// where to go next. Self-contained (no scripts, no external styles): the gateway may run offline.
/// </summary>
internal static class LandingPage
{
    public static IResult Render(IOptions<RegionOptions> region, IOptions<GatewayOptions> gateway, IHostEnvironment environment)
    {
        var html = HtmlEncoder.Default;
        var name = string.IsNullOrWhiteSpace(region.Value.Name) ? "Regional" : region.Value.Name;
        var page = new StringBuilder();
        page.Append($$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{html.Encode(name)}} region gateway</title>
            <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .2rem}td{padding:.1rem .8rem .1rem 0}</style>
            </head>
            <body>
            <h1>{{html.Encode(name)}} region gateway</h1>
            <p>The single entry to the region's cross-border referral services: placement notices between
            councils, and referrals and reciprocal reviews between councils and police forces. Every API call
            needs a bearer token from the identity service; paths are <code>/{authority}/{resource}</code>,
            e.g. <code>/nottingham-city/placements</code>.</p>
            <h2>Start here</h2>
            <ul>
            """);
        if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(gateway.Value.IdentityAddress))
        {
            page.Append("""<li><a href="/identity/dev/users">Demo users</a> (development only): sign in as one with <code>POST /identity/dev/sign-in</code></li>""").Append('\n');
        }

        page.Append("""<li><a href="/health/ready">Readiness</a> and <a href="/health/live">liveness</a> of the gateway</li>""").Append('\n');
        page.Append("</ul>\n");

        var documents = OpenApiDocuments(region.Value, gateway.Value).ToList();
        if (documents.Count > 0)
        {
            page.Append("<h2>API descriptions (OpenAPI)</h2>\n<table>\n");
            foreach (var (service, address) in documents)
            {
                page.Append($"""<tr><td>{html.Encode(service)}</td><td><a href="{html.Encode(address)}">{html.Encode(address)}</a></td></tr>""").Append('\n');
            }

            page.Append("</table>\n");
        }

        page.Append("</body>\n</html>\n");
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>
    /// Each service's OpenAPI document where a browser beside the gateway can reach it: directly, for
    /// a service on this machine. Services on other hosts (container names) are left out, so the
    /// page names no internal address.
    /// </summary>
    private static IEnumerable<(string Service, string Address)> OpenApiDocuments(RegionOptions region, GatewayOptions gateway)
    {
        // Not /region/openapi/v1.json: the gateway's region route wants a token, a browser has none.
        if (Uri.TryCreate(gateway.RegionAddress, UriKind.Absolute, out var coordination) && IsLoopback(coordination))
        {
            yield return ("Region coordination", new Uri(coordination, "/openapi/v1.json").ToString());
        }

        foreach (var authority in region.Authorities)
        {
            foreach (var service in RegionRoutes.ResourceOwners.Values.Distinct())
            {
                string address;
                try
                {
                    address = RegionRoutes.AddressOf(gateway, authority.Id, service);
                }
                catch (InvalidOperationException)
                {
                    continue;
                }

                if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && IsLoopback(uri))
                {
                    yield return ($"{(string.IsNullOrWhiteSpace(authority.Name) ? authority.Id : authority.Name)} {service}", new Uri(uri, "/openapi/v1.json").ToString());
                }
            }
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}
