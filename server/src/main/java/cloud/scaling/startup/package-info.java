/**
 * Start-up from the packaged jar without opening it as a zip file system: Micronaut 4.10 does that twice per
 * start (its service index and the directory check of every classpath resource), and each open of the 19,000-entry
 * jar reads and indexes its whole central directory again, about 0.2 s apiece on the 2-core machine.
 */
package cloud.scaling.startup;
