package vn.inspectorate.gateway.subscriptions;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name lookup of callback hosts: the system's in production, a scripted one in tests of DNS rebinding. */
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;
}
