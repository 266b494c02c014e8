package org.irmer.archfixture.core.service;

import java.net.http.HttpClient;

/** Breaks "core depends only on the JDK and Guava": java.net.http. */
public class CallsAWebService {
  HttpClient client;
}
