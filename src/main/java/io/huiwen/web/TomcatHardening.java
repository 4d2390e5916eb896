package io.huiwen.web;

import io.huiwen.HuiwenProperties;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tomcat as the portal needs it in front of readers: the {@link FrontDoor} valve first, Tomcat's own
 * error answers replaced by {@link PlainErrorReport}, and forwarded headers believed only from
 * {@code huiwen.trusted-proxies} (Spring Boot's {@code RemoteIpValve}, which
 * {@code server.forward-headers-strategy=native} adds, believes every private and loopback address
 * by default; its request attributes are kept only for Tomcat's access log,
 * {@code server.tomcat.accesslog.enabled}), and a connector that does not look twice at a response already compressed
 * ({@link PrecompressedAwareProtocol}). Runs after Spring Boot's own Tomcat customizer, which creates that valve.
 */
@Component
class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /**
     * Bytes a connection gathers before writing to its socket. Tomcat's 8 KB sent an article page
     * (10 KB with its headers) in two writes and the home page (17 KB) in three; with 32 KB every
     * page leaves in one system call, as nginx sends it (the home page from the page cache: 0.77x the
     * CPU per request, BENCHMARKS.md). The price is 24 KB more per open connection: 6 MB at 256
     * readers, 192 MB at the connector's ceiling of 8,192.
     */
    static final int WRITE_BUFFER = 32 * 1024;

    private final TrustedProxies trusted;
    private final String siteName;
    private final boolean accessLog;

    TomcatHardening(HuiwenProperties properties, Environment environment) {
        this.trusted = TrustedProxies.of(properties.trustedProxies());
        this.siteName = properties.siteName();
        this.accessLog = environment.getProperty("server.tomcat.accesslog.enabled", Boolean.class, false);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        for (var valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                remoteIp.setInternalProxies(trusted.internalProxies());
                remoteIp.setTrustedProxies(null);
                // the forwarded address, scheme and host copied into six request attributes on every request
                // are for an access log (which reads them after the valve has put the connection's back)
                remoteIp.setRequestAttributesEnabled(accessLog);
            }
        }
        factory.setProtocol(PrecompressedAwareProtocol.class.getName());
        factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER)));
        factory.addEngineValves(new FrontDoor());
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(PlainErrorReport.class.getName());
                host.getPipeline().addValve(new PlainErrorReport(siteName));
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
