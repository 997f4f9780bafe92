using Orleans.Dashboard;
using Ticketing.Hosting;
using Ticketing.Silo;
using Ticketing.Silo.Operations;

// `dotnet run --project silo -- db migrate` applies the PostgreSQL schema and exits.
if (args is ["db", "migrate", ..])
{
    return await DatabaseCommand.MigrateAsync(args[2..]);
}

// Otherwise, a silo: the grains live here when the gateway runs as a client (Ticketing:Cluster:Mode=Client).
var builder = WebApplication.CreateBuilder(args);
builder.AddTicketingSiloHost();
builder.AddTicketingTelemetry("ticketing-silo");
builder.Services.AddHealthChecks();

var app = builder.Build();
app.UseTicketingMetrics(app.Configuration);
app.MapHealthChecks("/healthz");
if (DashboardCredential.From(app.Configuration) is { } operators)
{
    app.Use(operators.Guard);
    app.MapOrleansDashboard(routePrefix: DashboardCredential.Path);
}

await app.RunAsync();
return 0;
