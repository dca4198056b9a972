namespace InfiniteSecurity.Detection.Paths;

/// <summary>
/// Files and directories whose only business in user input is being read by an attacker: credentials, process
/// environment, OS configuration, server configuration and logs (for log poisoning). Needles ending in '/' are
/// directories: they only count where a path value starts, never in the middle of an ordinary URL path.
/// </summary>
internal static class SensitivePaths
{
    public static readonly string[] Unix =
    [
        "etc/passwd", "etc/shadow", "etc/group", "etc/hosts", "etc/issue", "etc/hostname", "etc/sudoers", "etc/crontab",
        "etc/master.passwd", "etc/security/", "etc/mysql/", "etc/httpd/", "etc/apache2/", "etc/nginx/", "etc/ssh/",
        "etc/profile", "etc/motd", "etc/fstab", "etc/resolv.conf", "etc/inittab", "etc/php", "etc/my.cnf",
        "etc/environment", "etc/lsb-release", "etc/redhat-release", "etc/debian_version", "etc/aliases",
        "etc/exports", "etc/ftpusers", "etc/pam.d/", "etc/init.d/", "etc/ld.so.",
        "etc/gshadow", "etc/login.defs", "etc/networks", "etc/protocols", "etc/services", "etc/timezone", "etc/vsftpd",
        "etc/proftpd", "etc/samba/", "etc/postfix/", "etc/dovecot/", "etc/ldap/", "etc/openldap/", "etc/sysctl.conf",
        "proc/self/", "proc/version", "proc/cmdline", "proc/mounts", "proc/net/", "proc/sched_debug", "proc/cpuinfo",
        "proc/meminfo", "proc/partitions", "proc/1/", "sys/class/", "sys/kernel/", "dev/shm/",
        "var/log/", "var/www/", "var/mail/", "var/spool/", "var/lib/mysql", "var/run/secrets", "var/lib/php",
        "usr/local/apache", "usr/local/etc/", "opt/lampp/", "root/", ".ssh/", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519",
        "authorized_keys", "known_hosts", ".bash_history", ".bashrc", ".bash_profile", ".profile", ".mysql_history",
        ".htaccess", ".htpasswd", ".git/", ".svn/", ".env", ".aws/credentials", ".docker/config", ".kube/config",
        "wp-config.php", "web-inf/web.xml", "web-inf/classes/", "meta-inf/", "boot.ini", "win.ini", "system.ini",
        "windows/", "winnt/", "system32/", "inetpub/", "web.config", "applicationhost.config", "machine.config",
        "php.ini", "httpd.conf", "config.inc.php", "autoexec.bat", "apache/logs", "xampp/",
        "unattend.xml", "sysprep.inf", "ntds.dit", "pagefile.sys", "hiberfil.sys",
    ];

    public static readonly MultiPattern Matcher = new(Unix);

    public static bool IsDirectoryNeedle(string needle) => needle[^1] == '/' || needle is "etc/php" or "etc/ld.so.";
}
