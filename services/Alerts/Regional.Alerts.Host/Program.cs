using Regional.Alerts;

var builder = WebApplication.CreateBuilder(args);
builder.AddAlertsService();

var app = builder.Build();
app.MapAlertsService();
app.Run();
