using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Roster.Directory.Mail;

/// <summary>Registers the directory's <see cref="IMailSender"/>.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="options"/> and the sender they call for:
    /// <see cref="SmtpMailSender"/> when an SMTP host is set, else <see cref="PickupFolderMailSender"/>.
    /// Replaces an earlier registration, so a host may call it before or after <c>AddRosterDirectory</c>.
    /// </summary>
    public static IServiceCollection AddRosterMail(this IServiceCollection services, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<MailOptions>();
        services.RemoveAll<IMailSender>();
        services.AddSingleton(options);
        if (options.UsesSmtp)
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        else
        {
            services.AddSingleton<IMailSender, PickupFolderMailSender>();
        }

        return services;
    }
}
