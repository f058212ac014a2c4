/** The 315×45 logo of the import report mails (our own drawing), sent inline as `cid:logo` (mail.md §5.1). */
export const LOGO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAATsAAAAtCAYAAADRJMz1AAABW0lEQVR42u3dUYrCMBRA0a4l/67N3bqdqN8VTTBJ32vPwJmPgUdk' +
    'kl5oEd1qrds3t/ujrvbrNQH0ChM44QOWxS5S5EQPmBK7yKETPEDsAFpjlyF0ggeIHYDYAbxilyl0ggeIHYDYAWIndoDY7SIz7Ufs' +
    'ALETO0Ds2pRSaotR/9izr7ea/bNe73pi5zCJnfXETuwcJrGzntiJnfXEznpXit2kt5KEjd3Z57JEy5y53jmxcyjEzpzYtUbp0+3n' +
    'v38TO7FzUZsTO7ETO3PmxM5FJnbmzHlm51CInTmxEzuHQuzMiZ3bWLETO3NiJ3ZiJ3bmxE7sxM4+mPPMzjM7sbMP5sRO7MTORW3O' +
    'bazYiZ05c2IHMPqTisUOuEzsMj6zA8TOF+4AYud7YwGxEzsgS+zev4QOEDuxA8RO7IBEscsSPBsGiB1AS+yiB89mAcNiFzF6NgmY' +
    'Frujw2djgNGe40Yiyy6D3x8AAAAASUVORK5CYII=',
  'base64',
);
