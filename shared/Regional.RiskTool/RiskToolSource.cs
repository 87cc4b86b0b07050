namespace Regional.RiskTool;

/// <summary>
/// The JSON text of one definition or mapping. When <see cref="Name"/> is a file name
/// (<c>em-cre-2021.1.json</c>, <c>em-cre-2019.1-to-em-cre-2021.1.json</c>) it must match the
/// content, so that a copied file that was not updated is caught.
/// </summary>
public sealed record RiskToolSource(string Name, string Json);
