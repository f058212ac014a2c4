import { Global, Module } from '@nestjs/common';
import { UserProvisioner } from '@app/auth';
import { UserProvisioning } from './user-provisioning';

/**
 * Registration of users met for the first time. Global: `AuthModule` (global too) resolves its `UserProvisioner`
 * port here, and the features that read the caller's document (profiles, settings) use `UserProvisioning`.
 */
@Global()
@Module({
  providers: [UserProvisioning, { provide: UserProvisioner, useExisting: UserProvisioning }],
  exports: [UserProvisioning, UserProvisioner],
})
export class UserProvisioningModule {}
