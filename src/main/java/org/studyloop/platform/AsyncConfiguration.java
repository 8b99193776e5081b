package org.studyloop.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Event listeners between modules ({@code @ApplicationModuleListener}) run asynchronously after
 * the publishing transaction commits, on Boot's task executor (virtual threads); scheduled jobs
 * run in-process.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class AsyncConfiguration {}
