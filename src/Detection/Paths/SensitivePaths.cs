namespace InfiniteSecurity.Detection.Paths;

/// <summary>
/// Files and directories whose only business in user input is being read by an attacker: credentials, process
/// environment, OS configuration, server configuration and logs (for log poisoning).
/// </summary>
internal static class SensitivePaths
{
    public static readonly string[] Unix =
    [
        "etc/passwd", "etc/shadow", "etc/group", "etc/hosts", "etc/issue", "etc/hostname", "etc/sudoers", "etc/crontab",
        "etc/master.passwd", "etc/security/", "etc/mysql/", "etc/httpd/", "etc/apache2/", "etc/nginx/", "etc/ssh/",
        "etc/profile", "etc/motd", "etc/fstab", "etc/resolv.conf", "etc/inittab", "etc/php", "etc/my.cnf",
        "proc/self/", "proc/version", "proc/cmdline", "proc/mounts", "proc/net/", "proc/sched_debug", "proc/cpuinfo",
        "var/log/", "var/www/", "var/mail/", "var/spool/", "usr/local/apache", "root/", "home/", ".ssh/", "id_rsa",
        ".bash_history", ".bashrc", ".htaccess", ".htpasswd", ".git/", ".env", "wp-config.php", "web-inf/web.xml",
        "boot.ini", "win.ini", "system.ini", "windows/", "winnt/", "system32/", "inetpub/", "web.config",
        "php.ini", "httpd.conf", "config.inc.php", "autoexec.bat", "apache/logs", "xampp/",
    ];

    public static readonly MultiPattern Matcher = new(Unix);
}
