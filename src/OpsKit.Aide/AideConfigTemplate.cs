// A starting aide.conf for AIDE 0.18 in the spirit of the tuned one the weekly script used:
// permissions, owner, group, size and SHA-256 for system paths, owner and group only for logs,
// the usual noisy paths left out, /home off unless asked. opskit passes the database and
// report places with -B, so the database lines here only matter when aide is run by hand.
using System.Text;

namespace OpsKit.Aide;

/// <summary>Renders the starting config.</summary>
public static class AideConfigTemplate
{
    /// <summary>The config text.</summary>
    public static string Render(AideSettings settings, bool home)
    {
        var sb = new StringBuilder();
        sb.Append($"""
            # aide.conf for AIDE 0.18, written by 'opskit aide config'.
            # opskit runs: aide --check -c THIS -B database_in=file:{settings.DatabasePath} ...
            # Check it with: aide --config-check -c THIS

            database_in=file:{settings.DatabasePath}
            database_out=file:{settings.NewDatabasePath}
            # gzip_dbout=yes saves space; the recorded SHA-256 covers the file either way.
            gzip_dbout=no
            report_summarize_changes=yes
            report_grouped=yes

            # Rules. System: permissions, owner, group, size, SHA-256 (no times: package
            # updates that change nothing else stay quiet). Logs grow: owner and group only.
            System = p+u+g+s+sha256
            Logs = u+g
            Dirs = p+u+g

            # System paths
            /boot       System
            /bin        System
            /sbin       System
            /lib        System
            /lib64      System
            /usr        System
            /opt        System
            /etc        System
            /root       System
            /var/spool/cron System

            # Logs: ownership only
            /var/log    Logs


            """);
        sb.Append(home ? "/home       System\n" : "# /home is off by default ('opskit aide config --home' turns it on)\n!/home\n");
        sb.Append($"""

            # Noisy or volatile paths
            !/proc
            !/sys
            !/dev
            !/run
            !/tmp
            !/var/tmp
            !/var/cache
            !/var/lib
            !/var/spool/postfix
            !/var/log/journal
            !/etc/mtab$
            !/etc/adjtime$
            !/etc/resolv\.conf$
            !/etc/ld\.so\.cache$
            !/root/\.bash_history$
            !/root/\.lesshst$
            !/root/\.viminfo$
            !/usr/src
            !/usr/lib/python3/dist-packages/.*\.pyc$
            !/usr/share/mime
            # opskit's own files
            !{Escape(settings.DatabaseDirectory)}
            !{Escape(settings.LogDirectory)}
            !{Escape(Path.GetDirectoryName(settings.StateFile)!)}

            """);
        return sb.ToString();
    }

    /// <summary>Escapes regular-expression characters in a path (AIDE selection lines are PCRE).</summary>
    public static string Escape(string path)
    {
        var sb = new StringBuilder();
        foreach (var c in path)
        {
            if (".^$*+?()[]{}|\\".Contains(c, StringComparison.Ordinal)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
