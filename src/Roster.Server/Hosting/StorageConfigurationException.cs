namespace Roster.Server.Hosting;

/// <summary>The <c>Storage:*</c> settings name no usable database; the message says what to set.</summary>
public sealed class StorageConfigurationException : Settings.SettingException
{
    public StorageConfigurationException()
    {
    }

    public StorageConfigurationException(string message)
        : base(message)
    {
    }

    public StorageConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
