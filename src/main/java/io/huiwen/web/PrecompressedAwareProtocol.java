package io.huiwen.web;

import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.buf.MessageBytes;

/**
 * Tomcat's NIO HTTP/1.1 connector, told at once that a response already sent gzip- or
 * Brotli-compressed is not to be compressed again. Tomcat reaches the same answer itself, but only
 * after splitting the Content-Encoding header into a set of tokens, which is a tenth of the work of a
 * page sent from the {@link PageCache}. Any other response is left to Tomcat's own decision
 * ({@code server.compression}). Set as the connector's protocol by {@link TomcatHardening}; public,
 * as Tomcat makes it by its class name.
 */
public class PrecompressedAwareProtocol extends Http11NioProtocol {

    @Override
    public boolean useCompression(Request request, Response response) {
        MessageBytes encoding = response.getMimeHeaders().getValue("Content-Encoding");
        if (encoding != null && (encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("br"))) {
            return false;
        }
        return super.useCompression(request, response);
    }
}
