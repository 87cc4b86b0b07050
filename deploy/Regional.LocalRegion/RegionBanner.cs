using System.Text;

namespace Regional.LocalRegion;

public static class RegionBanner
{
    public static string For(RegionHost region)
    {
        var gateway = region.GatewayUrl.ToString().TrimEnd('/');
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"The {region.Region.Name} region is running.");
        text.AppendLine($"  Gateway:   {gateway}");
        text.AppendLine($"  Identity:  {region.IdentityUrl.ToString().TrimEnd('/')} (also {gateway}/identity)");
        foreach (var (authority, port) in region.PlacementPorts)
        {
            text.AppendLine($"  Placement: {authority,-16} http://127.0.0.1:{port}  (OpenAPI: /openapi/v1.json)");
        }

        foreach (var (authority, port) in region.ReferralPorts)
        {
            text.AppendLine($"  Referral:  {authority,-16} http://127.0.0.1:{port}  (OpenAPI: /openapi/v1.json)");
        }

        foreach (var (authority, port) in region.ConsentPorts)
        {
            text.AppendLine($"  Consent:   {authority,-16} http://127.0.0.1:{port}  (OpenAPI: /openapi/v1.json)");
        }

        text.AppendLine($"  Region:    {"coordination",-16} {region.RegionServiceUrl.ToString().TrimEnd('/')}  (also {gateway}/region)");
        text.AppendLine($"  Alerts:    {"police inboxes",-16} {region.AlertsServiceUrl.ToString().TrimEnd('/')}  (also {gateway}/police/{{force}})");

        text.AppendLine();
        text.AppendLine("Demo users: curl " + gateway + "/identity/dev/users");
        text.AppendLine("Get a token:");
        text.AppendLine($"  TOKEN=$(curl -s -X POST {gateway}/identity/dev/sign-in -H 'Content-Type: application/json' \\");
        text.AppendLine("      -d '{\"userName\":\"nottingham-city.practitioner\"}' | jq -r .access_token)");
        text.AppendLine($"  curl -H \"Authorization: Bearer $TOKEN\" {gateway}/nottingham-city/placements");
        text.AppendLine();
        text.AppendLine("Press Ctrl-C to stop everything this started.");
        return text.ToString();
    }
}
