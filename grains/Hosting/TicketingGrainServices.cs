using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ticketing.Common;
using Ticketing.Events;
using Ticketing.Integration;
using Ticketing.Orders;
using Ticketing.Payments;

namespace Ticketing.Hosting;

public static class TicketingGrainServices
{
    /// <summary>What the grains need from the silo's container: options, the clock, and the card processor.</summary>
    public static IServiceCollection AddTicketingGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventOptions>().Bind(configuration.GetSection(EventOptions.Section));
        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.Section));
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.Section));
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DurableDeadline>();
        services.TryAddSingleton<IIntegrationEventPublisher, InClusterIntegrationEventPublisher>();
        services.AddSingleton<OutboxRelay>();

        if (string.IsNullOrWhiteSpace(configuration[$"{StripeOptions.Section}:SecretKey"]))
        {
            services.TryAddSingleton<IPaymentProcessor, TestPaymentProcessor>();
        }
        else
        {
            services.TryAddSingleton<IPaymentProcessor, StripePaymentProcessor>();
        }

        return services;
    }
}
