/** The notifications HTTP API: the caller's inbox, acknowledgement (API and signed link), the admins' dead-letter view. */
package org.certhub.notify.web;
