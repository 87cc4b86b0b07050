using Regional.Consent;

var builder = WebApplication.CreateBuilder(args);
builder.AddConsentService();

var app = builder.Build();
app.MapConsentService();
app.Run();
