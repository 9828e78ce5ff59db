namespace Roster.Server.Settings;

/// <summary>A setting names something Roster cannot use; the message names the setting and what it must be.</summary>
public class SettingException : InvalidOperationException
{
    public SettingException()
    {
    }

    public SettingException(string message)
        : base(message)
    {
    }

    public SettingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
