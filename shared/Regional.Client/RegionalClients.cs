using Refit;

namespace Regional.Client;

/// <summary>
/// The clients over an <see cref="HttpClient"/> the caller already has (its base address the gateway,
/// its own authentication), for an app without dependency injection.
/// </summary>
public static class RegionalClients
{
    public static IPlacementsApi Placements(HttpClient gateway) => RestService.ForGenerated<IPlacementsApi>(gateway, RegionalClientExtensions.Settings());

    public static IReferralsApi Referrals(HttpClient gateway) => RestService.ForGenerated<IReferralsApi>(gateway, RegionalClientExtensions.Settings());

    public static IConsentApi Consent(HttpClient gateway) => RestService.ForGenerated<IConsentApi>(gateway, RegionalClientExtensions.Settings());

    public static IAlertsApi Alerts(HttpClient gateway) => RestService.ForGenerated<IAlertsApi>(gateway, RegionalClientExtensions.Settings());

    public static IRegionApi Region(HttpClient gateway) => RestService.ForGenerated<IRegionApi>(gateway, RegionalClientExtensions.Settings());
}
